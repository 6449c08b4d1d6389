"""The first citizens of every demo, each given one state the program must show: today's
meetings, overdue and due-soon deadlines, a late certificate, a missing report, a course
ending without a next step, a plan near its team meeting, an open hearing and so on.

Forced rather than left to chance, so even a 20-citizen demo shows every pane at work.
Listed most important first: a smaller demo keeps the head of the list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from store.demo import courses, doctor, hearings, history, plans, tasks, texts
from store.demo.citizen import add_citizen
from store.demo.context import Ctx
from store.demo.shape import Shape
from store.demo.target import last_held_for

Scenario = Callable[[Ctx], None]


def _days(ctx: Ctx, n: int) -> date:
    return ctx.today + timedelta(days=n)


def _today_at(ctx: Ctx, hour: int, minute: int = 0) -> datetime:
    """Today's meetings; when today is a closed day (a demo made on a Saturday), on the next
    open day, so the Today pane of that working day is a working day's worth."""
    return datetime.combine(ctx.days.on_or_after(ctx.today), time(hour, minute))


def _shape(ctx: Ctx, want: str, *, years: float = 2.0, interval: str | None = None,
           absences: tuple[tuple[date, date], ...] = ()) -> Shape:
    first = ctx.today - timedelta(days=int(365 * years))
    return Shape(first, interval, last_held_for(ctx, want, first, interval, absences))


def _today(ctx: Ctx, want: str, hour: int, minute: int, where: str, prepared: bool) -> tuple[int, Shape]:
    shape = _shape(ctx, want, years=ctx.rng.uniform(0.8, 3.5))
    shape.planned, shape.planned_place, shape.planned_prepared = _today_at(ctx, hour, minute), where, prepared
    cid, _, _ = add_citizen(ctx, shape)
    return cid, shape


def today_0900(ctx: Ctx) -> None:
    _today(ctx, "soon", 9, 0, "jobcentre", True)


def today_1030(ctx: Ctx) -> None:
    _today(ctx, "overdue", 10, 30, "home", False)


def today_1300(ctx: Ctx) -> None:
    _today(ctx, "ok", 13, 0, "video", True)


def new_waiting(ctx: Ctx) -> None:
    """Asked for help six days ago, nothing booked yet: the 7-day first meeting is due."""
    add_citizen(ctx, Shape(_days(ctx, -6), None, None))


def no_show_hearing(ctx: Ctx) -> None:
    shape = _shape(ctx, "overdue", years=1.5)
    cid, _, _ = add_citizen(ctx, shape)
    failure = ctx.days.on_or_before(_days(ctx, -9))
    meeting = history.no_show(ctx, cid, datetime.combine(failure, time(10, 0)))
    hearing_sent = failure + timedelta(days=1)
    hearings.add_hearing(ctx, cid, meeting, failure, hearing_sent)
    tasks.add_task(ctx, cid, "Tjek partshøringssvar", hearing_sent + timedelta(days=15))


def late_certificate(ctx: Ctx) -> None:
    shape = _shape(ctx, "ok", years=2.5)
    cid, _, _ = add_citizen(ctx, shape)
    doctor.add_request(ctx, cid, "LÆ 125", ctx.days.on_or_before(_days(ctx, -35)))
    tasks.add_task(ctx, cid, "Rykke for lægeattest", _days(ctx, -3))


def course_ending(ctx: Ctx) -> None:
    shape = _shape(ctx, "ok", years=1.2)
    cid, _, _ = add_citizen(ctx, shape)
    courses.add_course(ctx, cid, _days(ctx, -100), _days(ctx, 9))


def missing_report(ctx: Ctx) -> None:
    shape = _shape(ctx, "ok", years=3)
    cid, _, _ = add_citizen(ctx, shape)
    courses.add_course(ctx, cid, _days(ctx, -105), _days(ctx, 80), missing=1, next_step=None)


def plan_near_team(ctx: Ctx) -> None:
    shape = _shape(ctx, "soon", years=3.8)
    cid, _, _ = add_citizen(ctx, shape)
    plans.add_plan(ctx, cid, ctx.days.on_or_after(_days(ctx, 10)), 3)
    sent = ctx.days.on_or_before(_days(ctx, -12))
    doctor.add_request(ctx, cid, "LÆ 265", sent, consultation=_days(ctx, -4))


def today_1430_three_party(ctx: Ctx) -> None:
    shape = _shape(ctx, "ok", years=1.6)
    cid, _, _ = add_citizen(ctx, shape)
    start = _days(ctx, -80)
    course = courses.add_course(ctx, cid, start, _days(ctx, 100), three_party="3m", next_step=None)
    history.add_meeting(ctx, cid, datetime.combine(start + timedelta(days=7), time(13, 0)), "held",
                        where="supplier", kind="three_party", course_id=course)
    history.add_meeting(ctx, cid, _today_at(ctx, 14, 30), "planned", where="supplier", kind="three_party",
                        course_id=course, minutes=60)


def ongoing_sickness(ctx: Ctx) -> None:
    absence = (_days(ctx, -10), _days(ctx, 12))
    shape = _shape(ctx, "ok", years=2.2, absences=(absence,))
    shape.ongoing_absence = ("sickness", *absence)
    add_citizen(ctx, shape)


def new_booked(ctx: Ctx) -> None:
    shape = Shape(_days(ctx, -2), None, None)
    shape.planned = datetime.combine(ctx.days.on_or_after(_days(ctx, 2)), time(10, 0))
    shape.planned_place, shape.planned_prepared = "jobcentre", True
    add_citizen(ctx, shape)


def _closed(ctx: Ctx, outcome: str, ago: int) -> None:
    closed = _days(ctx, -ago)
    first = closed - timedelta(days=700)
    shape = Shape(first, None, ctx.days.on_or_before(closed - timedelta(days=12)), closed_on=closed, outcome=outcome)
    add_citizen(ctx, shape)


def closed_job(ctx: Ctx) -> None:
    _closed(ctx, "job", 40)


def three_party_overdue(ctx: Ctx) -> None:
    shape = _shape(ctx, "ok", years=2)
    cid, _, _ = add_citizen(ctx, shape)
    last = ctx.days.on_or_before(ctx.today - relativedelta(months=2, days=5))
    course = courses.add_course(ctx, cid, last - timedelta(days=40), _days(ctx, 150), three_party="2m",
                                last_three_party=last, cadence="6w")
    history.add_meeting(ctx, cid, datetime.combine(last, time(11, 0)), "held", where="supplier",
                        kind="three_party", course_id=course)


def today_1530(ctx: Ctx) -> None:
    _today(ctx, "ok", 15, 30, "phone", False)


def ongoing_holiday(ctx: Ctx) -> None:
    absence = (_days(ctx, -3), _days(ctx, 4))  # a deadline can never fall inside an absence
    shape = _shape(ctx, "soon", years=1.1, absences=(absence,))
    shape.ongoing_absence = ("holiday", *absence)
    add_citizen(ctx, shape)


def answered_and_decided(ctx: Ctx) -> None:
    shape = _shape(ctx, "ok", years=3.5, interval="6w")
    cid, _, _ = add_citizen(ctx, shape)
    sent = ctx.days.on_or_before(_days(ctx, -200))
    doctor.add_request(ctx, cid, "LÆ 135", sent, consultation=sent + timedelta(days=9),
                       answered=sent + timedelta(days=20))
    team = ctx.days.on_or_before(_days(ctx, -150))
    plans.add_plan(ctx, cid, team, len(plans.checklist(team)), decided="ressourceforloeb")


def closed_fleksjob(ctx: Ctx) -> None:
    _closed(ctx, "fleksjob", 120)


def accepted_no_show(ctx: Ctx) -> None:
    shape = _shape(ctx, "soon", years=0.9)
    shape.planned = datetime.combine(ctx.days.on_or_after(_days(ctx, 3)), time(9, 0))
    shape.planned_place = "jobcentre"
    cid, _, _ = add_citizen(ctx, shape)
    missed = ctx.days.on_or_before(_days(ctx, -5))
    history.no_show(ctx, cid, datetime.combine(missed, time(13, 0)), accepted=True)


def tasks_today(ctx: Ctx) -> None:
    shape = _shape(ctx, "overdue", years=2.7, interval="6w")
    cid, _, _ = add_citizen(ctx, shape)
    tasks.add_task(ctx, cid, texts.TASKS[1], ctx.today)
    tasks.add_task(ctx, cid, texts.TASKS[2], _days(ctx, -6), _days(ctx, -7))


SCENARIOS: tuple[Scenario, ...] = (
    today_0900, today_1030, today_1300, new_waiting, no_show_hearing, late_certificate, course_ending,
    missing_report, plan_near_team, today_1430_three_party, ongoing_sickness, new_booked, closed_job,
    three_party_overdue, today_1530, ongoing_holiday, answered_and_decided, closed_fleksjob,
    accepted_no_show, tasks_today,
)
