from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.rules import doctor_answer_due, doctor_request_overdue, profile_for
from tests.rules.helpers import d, lab

SENT = d("2026-03-02")


@pytest.mark.parametrize(
    ("form", "consultation", "due"),
    [
        # No consultation: sent + 14 days, whatever consultation date is given.
        ("LÆ 105", None, "2026-03-16"),
        ("LÆ 115", None, "2026-03-16"),
        ("LÆ 125", None, "2026-03-16"),
        ("LÆ 125", "2026-03-10", "2026-03-16"),
        # Consultation unknown: the outer limit, sent + 30 days.
        ("LÆ 135", None, "2026-04-01"),
        ("LÆ 145", None, "2026-04-01"),
        ("LÆ 155", None, "2026-04-01"),
        ("LÆ 265", None, "2026-04-01"),
        ("LÆ 275", None, "2026-04-01"),
        # Consultation known: 14 days after it...
        ("LÆ 135", "2026-03-10", "2026-03-24"),
        ("LÆ 145", "2026-03-10", "2026-03-24"),
        ("LÆ 265", "2026-03-18", "2026-04-01"),
        # ...but never past 30 days after the request.
        ("LÆ 145", "2026-03-19", "2026-04-01"),
        ("LÆ 265", "2026-03-25", "2026-04-01"),
    ],
)
def test_answer_due(form: str, consultation: str | None, due: str) -> None:
    assert doctor_answer_due(form, SENT, d(consultation) if consultation else None, profile_for(SENT)) == d(due)


def test_doctor_deadlines_are_not_moved_for_closed_days() -> None:
    # Sent Saturday 21 March 2026: + 14 = Saturday 4 April, in the Easter holidays.
    assert doctor_answer_due("LÆ 125", d("2026-03-21"), None, lab()) == d("2026-04-04")


@pytest.mark.parametrize("spelling", ["læ145", "LÆ145", "LAE 145", " Læ 145 "])
def test_form_code_spellings(spelling: str) -> None:
    assert doctor_answer_due(spelling, SENT, None, lab()) == d("2026-04-01")


@pytest.mark.parametrize("form", ["LÆ 999", "FP 125", ""])
def test_unknown_form_lists_the_known_ones(form: str) -> None:
    with pytest.raises(ValueError, match=r"unknown doctor form .*known forms: LÆ 105, LÆ 115, LÆ 125, .*LÆ 275"):
        doctor_answer_due(form, SENT, None, lab())


@pytest.mark.parametrize(
    ("due", "answered", "today", "overdue"),
    [
        ("2026-03-16", None, "2026-03-16", False),  # due today: not yet overdue
        ("2026-03-16", None, "2026-03-17", True),
        ("2026-03-16", "2026-03-20", "2026-03-25", False),  # answered late: nothing to chase
        ("2026-03-16", "2026-03-10", "2026-03-25", False),
    ],
)
def test_request_overdue(due: str, answered: str | None, today: str, overdue: bool) -> None:
    assert doctor_request_overdue(d(due), d(answered) if answered else None, d(today)) is overdue


@given(
    st.sampled_from(["LÆ 135", "LÆ 145", "LÆ 155", "LÆ 265", "LÆ 275"]),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 1, 1)),
    st.integers(-5, 60),
)
def test_consultation_forms_stay_within_the_outer_limit(form: str, sent: date, offset: int) -> None:
    due = doctor_answer_due(form, sent, sent + timedelta(days=offset), lab())
    assert due <= sent + timedelta(days=30)
    assert due == min(sent + timedelta(days=offset + 14), sent + timedelta(days=30))
