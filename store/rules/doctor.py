"""When a doctor's answer to a certificate request (LÆ form) is due.

The deadline runs from the day the request is *sent*: the doctor's receipt is not recorded,
and requests go electronically the same day. Doctor deadlines are the doctor's, not the
jobcentre's, so they are not moved for days the jobcentre is closed."""

from __future__ import annotations

from datetime import date, timedelta

from store.rules.profile import RuleProfile


def doctor_answer_due(form_code: str, sent: date, consultation: date | None, profile: RuleProfile) -> date:
    """The last day for the doctor's answer.

    - No consultation needed (e.g. LÆ 125): sent + answer_days.
    - Consultation needed, date known: answer_days after the consultation, but never later
      than max_days_after_request after sending (a late consultation does not extend it).
    - Consultation needed, date not yet known: the outer limit, sent + max_days_after_request.

    Unknown form: ValueError listing the known codes."""
    form = profile.form(form_code)
    if not form.needs_consultation:
        return sent + timedelta(days=form.answer_days)
    assert form.max_days_after_request is not None  # the profile loader insists on it
    limit = sent + timedelta(days=form.max_days_after_request)
    if consultation is None:
        return limit
    return min(consultation + timedelta(days=form.answer_days), limit)


def doctor_request_overdue(due: date, answered: date | None, today: date) -> bool:
    """Overdue when the due day has passed without an answer. An answer that came late is no
    longer overdue: there is nothing left to chase."""
    return answered is None and due < today
