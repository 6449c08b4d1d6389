"""sanction_decision (LAS § 35, stk. 3): for every no-show that is neither accepted as lawful
absence nor decided, whether or not a hearing was started, the decision is due by the last day
of the third whole calendar month after the failure, moved to the last open day before a
closed day. "Decide later" is such a no-show. Hearings not tied to a meeting (a missed course
day, LAS § 36, same shape) carry their own stored decision date. Done: decided, or the absence
accepted."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from store.db.models import Citizen, Hearing, Meeting
from store.db.statements import AnySelect
from store.obligations.build import make
from store.obligations.model import Obligation
from store.obligations.scope import Scope
from store.rules import load_profiles, profile_for_history, sanction_decision_due


def _args(failure, months, sent, reply_due) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"failure": failure, "months": months, "sent": sent, "reply_due": reply_due}


DUE = Hearing.decision_due  # of the heard part: the stored date itself


def statement(scope: Scope) -> AnySelect:
    """Undecided hearings, unless their no-show has since been accepted as lawful absence."""
    accepted = exists().where(Meeting.id == Hearing.meeting_id, Meeting.absence_accepted.is_(True))
    return scope.citizens(
        select(Citizen.id, Citizen.name, Citizen.cpr, Hearing.id, Hearing.meeting_id, Hearing.failure_date,
               Hearing.decision_due, Hearing.sent, Hearing.reply_due, Hearing.rule)
        .join(Hearing, Hearing.citizen_id == Citizen.id)
        .where(Hearing.decided_on.is_(None), ~accepted)
    )


def collect(s: Session, scope: Scope) -> Iterator[Obligation]:
    yield from collect_heard(s, scope)
    yield from collect_unheard(s, scope)


def collect_heard(s: Session, scope: Scope) -> Iterator[Obligation]:
    for cid, name, cpr, hid, mid, failure, due, sent, reply_due, rule in scope.run(s, __name__ + ".heard", lambda: scope.bound(statement(scope), DUE)):
        profile = profile_for_history(failure)
        las36 = rule == "las36"  # missed course days: LAS § 36, its own months
        months = profile.workflows.course_failure_decision_full_months if las36 else profile.sanction_decision_full_months
        # Keyed by the no-show when there is one, so starting a hearing on it later keeps the
        # same obligation (only its reason changes).
        ref_kind, ref = ("meeting", mid) if mid is not None else ("hearing", hid)
        yield make(scope, "sanction_decision", ref_kind, ref, (cid, name, cpr), due,
                   "obligation.reason.sanction_decision" + ("_las36" if las36 else ""), _args(failure, months, sent, reply_due))


def collect_unheard(s: Session, scope: Scope) -> Iterator[Obligation]:
    """No-shows with no hearing at all: not accepted, nothing decided ("decide later")."""
    for cid, name, cpr, mid, day in scope.run(s, __name__ + ".unheard", lambda: unheard_statement(scope)):
        profile = profile_for_history(day)
        due = sanction_decision_due(day, profile)
        if scope.wants(due):
            yield make(scope, "sanction_decision", "meeting", mid, (cid, name, cpr), due,
                       "obligation.reason.sanction_decision", _args(day, profile.sanction_decision_full_months, None, None))


def unheard_statement(scope: Scope) -> AnySelect:
    any_hearing = exists().where(Hearing.meeting_id == Meeting.id)
    stmt = scope.citizens(
        select(Citizen.id, Citizen.name, Citizen.cpr, Meeting.id, Meeting.day)
        .join(Meeting, Meeting.citizen_id == Citizen.id)
        .where(Meeting.status == "no_show", or_(Meeting.absence_accepted.is_(False), Meeting.absence_accepted.is_(None)),
               and_(~any_hearing)),
        drive=False,  # from the no-shows (ix_meeting_no_show_day), not from every citizen's meetings
    )
    # The decision is due at most the months + 1 (whole months and the failure's own) after it.
    behind = (max(profile.sanction_decision_full_months for profile in load_profiles()) + 1) * 31
    return scope.bound(stmt, Meeting.day, behind_days=behind)
