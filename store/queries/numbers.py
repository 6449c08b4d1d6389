"""My numbers: caseload against the profile's norm, meeting timeliness (a deadline passed with
no held meeting counts as untimely), preparatory plans and outcomes
over the last 12 months, month by month.

Every figure is one aggregate statement. Statements group by *day* (at most 366 groups) and
the days are folded into months here, which keeps the SQL the same on SQLite and PostgreSQL
(no strftime/to_char) and never brings individual meetings or citizens into Python."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Unpack, cast

from sqlalchemy import ColumnElement, Date, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import QueryableAttribute, Session

from store.db.models import Citizen, Meeting, PreparatoryPlan
from store.queries.screen_rows import MonthFigure, Numbers
from store.queries.day_numbers import day_numbers
from store.rules import Interval, profile_for

if TYPE_CHECKING:
    from sqlalchemy import ScalarResult

MONTHS = 12
_EPOCH = date(2000, 1, 1)


def month_starts(today: date, months: int = MONTHS) -> list[date]:
    """First days of the last `months` calendar months, the current one last."""
    first = today.replace(day=1)
    starts = [first]
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
        starts.append(first)
    return starts[::-1]


def _month_end(start: date, today: date) -> date:
    nxt = (start + timedelta(days=32)).replace(day=1)
    return min(nxt - timedelta(days=1), today)


def _day_number(column: ColumnElement[Any] | QueryableAttribute[Any], dialect: str) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return func.julianday(column)
    return column - literal(_EPOCH, Date)  # PostgreSQL: date - date is a number of days


def _allowed_days(interval: Interval) -> int:
    """The longest a meeting interval can last in days: "3m" is 89-92 days by the calendar."""
    probe = date(2024, 1, 1)
    return max((interval.add_to(probe + timedelta(days=i)) - (probe + timedelta(days=i))).days for i in range(366))


def _interval_days(session: Session, today: date, caseworker: str | None) -> tuple[dict[str, int], int]:
    profile = profile_for(today)
    stmt = select(Citizen.interval).where(Citizen.interval.is_not(None)).distinct()
    if caseworker is not None:
        stmt = stmt.where(Citizen.caseworker == caseworker)
    days: dict[str, int] = {}
    # `is_not(None)` above: every interval read is text; the column's type cannot know.
    for text in cast("ScalarResult[str]", session.scalars(stmt)):
        try:
            days[text] = _allowed_days(Interval.parse(text))
        except ValueError:
            continue  # an unreadable override falls back to the default, like derive does
    return days, _allowed_days(profile.default_interval)


def timeliness_stmt(
    today: date, since: date, intervals: dict[str, int], default_days: int, first_days: int,
    *, caseworker: str | None = None, dialect: str = "sqlite",
) -> Select[Any, int, Any]:
    """Held meetings per day since `since`, and how many of them were on time.

    Approximation, since the deadline that applied at the time is not stored: a held meeting
    was on time when it came within the citizen's *current* interval of the previous held
    meeting (taking the longest calendar length of that interval), or for the first one within
    first_meeting_days of the first request. Absence pauses and closed-day moves are ignored:
    the first makes this stricter, the second more lenient, each by a few days at most."""
    longest = max([default_days, *intervals.values()])
    # Look back far enough that a previous meeting within any interval is seen; one further
    # back means the gap was longer than the interval, which the first-request test also fails.
    lookback = since - timedelta(days=longest + 1)
    held = (
        select(
            Meeting.citizen_id, Meeting.day,
            func.lag(Meeting.day).over(partition_by=Meeting.citizen_id, order_by=(Meeting.day, Meeting.id)).label("prev"),
        )
        .where(Meeting.day >= lookback, Meeting.day <= today, Meeting.status == "held")
        .subquery("held")
    )
    allowed = case(
        *((Citizen.interval == text, days) for text, days in intervals.items()), else_=default_days
    ) if intervals else literal(default_days)
    day = _day_number(held.c.day, dialect)
    on_time = case(
        (held.c.prev.is_(None), case((day - _day_number(Citizen.first_request, dialect) <= first_days, 1), else_=0)),
        (day - _day_number(held.c.prev, dialect) <= allowed, 1),
        else_=0,
    )
    stmt = (
        select(held.c.day, func.count(), func.sum(on_time))
        .join(Citizen, Citizen.id == held.c.citizen_id)
        .where(held.c.day >= since)
        .group_by(held.c.day)
    )
    return stmt.where(Citizen.caseworker == caseworker) if caseworker is not None else stmt


def missed_stmt(today: date, since: date, *, caseworker: str | None = None) -> Select[date, int]:
    """Deadlines that passed with no held meeting: each active citizen whose current
    next-meeting deadline lies before today (and in the window) missed it. Counted per day of
    that deadline, so a citizen 167 days overdue after two no-shows is untimely, not absent
    from the figure (no-shows are not held meetings)."""
    stmt = (
        select(Citizen.next_due, func.count())
        .where(Citizen.status == "active", Citizen.next_due < today, Citizen.next_due >= since)
        .group_by(Citizen.next_due)
    )
    # The date is compared in WHERE, so no row has NULL there; the column's type cannot know.
    return cast("Select[date, int]", stmt.where(Citizen.caseworker == caseworker) if caseworker is not None else stmt)


def plans_stmt(today: date, since: date, *, caseworker: str | None = None) -> Select[date, int]:
    # A plan is "made" when it goes before the rehabilitation team; an undated one is a draft.
    stmt = (
        select(PreparatoryPlan.team_meeting, func.count())
        .join(Citizen, Citizen.id == PreparatoryPlan.citizen_id)
        .where(PreparatoryPlan.team_meeting >= since, PreparatoryPlan.team_meeting <= today)
        .group_by(PreparatoryPlan.team_meeting)
    )
    # The date is compared in WHERE, so no row has NULL there; the column's type cannot know.
    return cast("Select[date, int]", stmt.where(Citizen.caseworker == caseworker) if caseworker is not None else stmt)


def outcomes_stmt(today: date, since: date, *, caseworker: str | None = None) -> Select[date, str | None, int]:
    stmt = (
        select(Citizen.closed_on, Citizen.outcome, func.count())
        .where(Citizen.status == "closed", Citizen.closed_on >= since, Citizen.closed_on <= today)
        .group_by(Citizen.closed_on, Citizen.outcome)
    )
    # The date is compared in WHERE, so no row has NULL there; the column's type cannot know.
    return cast("Select[date, str | None, int]", stmt.where(Citizen.caseworker == caseworker) if caseworker is not None else stmt)


def caseload_history_stmt(month_ends: list[date], *, caseworker: str | None = None) -> Select[Unpack[tuple[Any, ...]]]:
    """Caseload at each month's end in one pass over the citizens.

    Approximation: a citizen counts from the first request until closed_on; a case closed and
    reopened counts as open throughout, since reopening clears closed_on."""
    columns = [
        func.sum(case((and_(Citizen.first_request <= end, or_(Citizen.status == "active", Citizen.closed_on > end)), 1), else_=0))
        for end in month_ends
    ]
    stmt = select(*columns)
    return stmt.where(Citizen.caseworker == caseworker) if caseworker is not None else stmt


def current_caseload_stmt(*, caseworker: str | None = None) -> Select[int]:
    stmt = select(func.count()).select_from(Citizen).where(Citizen.status == "active")
    return stmt.where(Citizen.caseworker == caseworker) if caseworker is not None else stmt


def _pct(on_time: int, held: int) -> float | None:
    return 100.0 * on_time / held if held else None


def numbers(session: Session, today: date, *, caseworker: str | None = None) -> Numbers:
    starts = month_starts(today)
    since = starts[0]
    dialect = session.get_bind().dialect.name

    def month_of(day: date) -> date:
        return day.replace(day=1)

    intervals, default_days = _interval_days(session, today, caseworker)
    first_days = profile_for(today).first_meeting_days
    held: Counter[date] = Counter()
    on_time: Counter[date] = Counter()
    stmt = timeliness_stmt(today, since, intervals, default_days, first_days, caseworker=caseworker, dialect=dialect)
    for day, count, good in session.execute(stmt):
        held[month_of(day)] += count
        on_time[month_of(day)] += int(good or 0)
    missed: Counter[date] = Counter()
    for day, count in session.execute(missed_stmt(today, since, caseworker=caseworker)):
        missed[month_of(day)] += count

    plans: Counter[date] = Counter()
    for day, count in session.execute(plans_stmt(today, since, caseworker=caseworker)):
        plans[month_of(day)] += count

    outcomes_by_kind: Counter[str] = Counter()
    closed: Counter[date] = Counter()
    for day, outcome, count in session.execute(outcomes_stmt(today, since, caseworker=caseworker)):
        outcomes_by_kind[outcome or "other"] += count
        closed[month_of(day)] += count

    sizes = session.execute(caseload_history_stmt([_month_end(s, today) for s in starts], caseworker=caseworker)).one()
    months = tuple(
        MonthFigure(
            month=start, timeliness_pct=_pct(on_time[start], held[start] + missed[start]), meetings_held=held[start],
            plans_made=plans[start], caseload=int(size or 0), outcomes=closed[start],
        )
        for start, size in zip(starts, sizes)
    )
    profile = profile_for(today)
    return Numbers(
        today=today,
        caseload=session.scalar(current_caseload_stmt(caseworker=caseworker)) or 0,
        norm_low=profile.caseload_norm_low,
        norm_high=profile.caseload_norm_high,
        # Every deadline of the window counts once: met by a held meeting in time, met late,
        # or passed with none held; the months' chart sums exactly these.
        timeliness_pct=_pct(sum(on_time.values()), sum(held.values()) + sum(missed.values())),
        plans_made_12m=sum(plans.values()),
        outcomes_12m=dict(outcomes_by_kind),
        months=months,
        day=day_numbers(session, today, caseworker=caseworker),
    )
