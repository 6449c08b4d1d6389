"""The numbers of the caseworker's day that are not meeting deadlines: when to warn that a
meeting is not called in, the LAS § 36 deadlines of missed course days, which certificates need
specific questions, how old an answer may be before ordering again, the rehabilitation team's
preparation time and checklist, and when a late certificate or report is a sparring case.

They live in the `[workflows]` table of each rule profile. A profile file without that table
(an older or a test profile) gets the defaults below, which equal the 2025 profile's numbers."""

from __future__ import annotations

from dataclasses import dataclass

from store.rules.fields import Fields

PLAN_ITEMS = ("goals", "resources", "challenges", "earlier_efforts", "benefit_history", "citizen_wishes", "lae265")
COURSE_TYPES = ("praktik", "loentilskud", "vejledning", "mentor", "other")


@dataclass(frozen=True, slots=True)
class Workflows:
    invite_warn_days: int = 7
    course_failure_reply_days: int = 14
    course_failure_decision_full_months: int = 3
    questions_required: tuple[str, ...] = ("LÆ 135", "LÆ 145", "LÆ 265")
    recent_answer_months: int = 6
    rehab_preparation_days: int = 14
    plan_items: tuple[str, ...] = PLAN_ITEMS
    business_course_types: tuple[str, ...] = ("praktik", "loentilskud")
    sparring_overdue_days: int = 14
    sparring_no_meeting_days: int = 60


def read_workflows(fields: Fields) -> Workflows:
    w = Workflows(
        invite_warn_days=fields.integer("invite_warn_days", minimum=0),
        course_failure_reply_days=fields.integer("course_failure_reply_days", minimum=1),
        course_failure_decision_full_months=fields.integer("course_failure_decision_full_months", minimum=1),
        questions_required=tuple(fields.texts("questions_required")),
        recent_answer_months=fields.integer("recent_answer_months", minimum=0),
        rehab_preparation_days=fields.integer("rehab_preparation_days", minimum=0),
        plan_items=tuple(fields.texts("plan_items")),
        business_course_types=tuple(fields.texts("business_course_types")),
        sparring_overdue_days=fields.integer("sparring_overdue_days", minimum=0),
        sparring_no_meeting_days=fields.integer("sparring_no_meeting_days", minimum=1),
    )
    for key, allowed in (("plan_items", PLAN_ITEMS), ("business_course_types", COURSE_TYPES)):
        unknown = [v for v in getattr(w, key) if v not in allowed]
        if unknown:
            raise fields.fail(key, f"{unknown[0]!r} is not one of {', '.join(allowed)}")
    fields.done()
    return w
