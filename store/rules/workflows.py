"""The numbers of the caseworker's day that are not meeting deadlines: when to warn that a
meeting is not called in, the LAS § 36 deadlines of missed course days, which certificates need
specific questions, how old an answer may be before ordering again, the rehabilitation team's
and which course types are virksomhedsrettede tilbud. (The rehabilitation team's checklist and
preparation days, and the case-sparring thresholds, are top-level profile numbers.)

They live in the `[workflows]` table of each rule profile. A profile file without that table
(an older or a test profile) gets the defaults below, which equal the 2025 profile's numbers."""

from __future__ import annotations

from dataclasses import dataclass

from store.rules.fields import Fields

COURSE_TYPES = ("praktik", "loentilskud", "vejledning", "mentor", "other")


@dataclass(frozen=True, slots=True)
class Workflows:
    invite_warn_days: int = 7
    course_failure_reply_days: int = 14
    course_failure_decision_full_months: int = 3
    questions_required: tuple[str, ...] = ("LÆ 135", "LÆ 145", "LÆ 265")
    recent_answer_months: int = 6
    business_course_types: tuple[str, ...] = ("praktik", "loentilskud")
    report_read_days: int = 7


def read_workflows(fields: Fields) -> Workflows:
    w = Workflows(
        invite_warn_days=fields.integer("invite_warn_days", minimum=0),
        course_failure_reply_days=fields.integer("course_failure_reply_days", minimum=1),
        course_failure_decision_full_months=fields.integer("course_failure_decision_full_months", minimum=1),
        questions_required=tuple(fields.texts("questions_required")),
        recent_answer_months=fields.integer("recent_answer_months", minimum=0),
        business_course_types=tuple(fields.texts("business_course_types")),
        report_read_days=fields.integer("report_read_days", minimum=0),
    )
    unknown = [v for v in w.business_course_types if v not in COURSE_TYPES]
    if unknown:
        raise fields.fail("business_course_types", f"{unknown[0]!r} is not one of {', '.join(COURSE_TYPES)}")
    fields.done()
    return w
