"""How an obligation reads, shared by the command line and the panes: its kind label (with the
profile's numbers), its reason (the rule and its numbers) and whether a meeting is booked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import date, datetime

from store.rules import profile_for_history
from tui.i18n import dates, t

if TYPE_CHECKING:  # the package imports SQLAlchemy's ORM: kept out of start-up (tui.startup)
    from store.obligations import Obligation

_DATE_KEYS = {
    "base", "first_request", "period_end", "sent", "reply_due", "failure", "consultation", "start", "expected",
    "anchor", "team", "moved_from", "received",
}


def _args(item: Obligation) -> dict[str, str]:
    """The reason's values with dates as the reader writes them (24-12-2026)."""
    out = {}
    for key, value in item.reason_args:
        out[key] = dates.fmt_date(date.fromisoformat(value)) if key in _DATE_KEYS and value else value
    out["due"] = dates.fmt_date(item.due)
    return out


def kind_label(item: Obligation) -> str:
    if item.kind == "first_period":
        args = item.args()
        return t("obligation.kind.first_period", required=args.get("required", ""), months=args.get("months", ""))
    return t("obligation.kind." + item.kind)


def first_period_label(day: date) -> str:
    """"4 samtaler på 6 mdr." with the numbers of the profile in force on `day`."""
    profile = profile_for_history(day)
    return t("obligation.kind.first_period", required=profile.first_period_min_meetings,
             months=profile.first_period_months)


def reason_text(item: Obligation) -> str:
    args = _args(item)
    if item.kind == "hearing_reply" and "days" not in args:
        return t("obligation.reason.hearing_reply_unsent")
    if item.kind == "doctor_answer":
        key = ("doctor_answer_consultation" if args.get("consultation") else
               "doctor_answer_awaiting" if args.get("awaiting") else
               "doctor_answer" if args.get("days") else "doctor_answer_unknown")
        return t("obligation.reason." + key, **args)
    text = t(item.reason, **args)
    if item.kind == "sanction_decision":
        text += "; " + (t("obligation.reason.sanction_hearing", **args) if args.get("sent")
                        else t("obligation.reason.sanction_no_hearing"))
    if args.get("default"):
        text += " " + t("obligation.reason.default")
    if args.get("paused"):
        text += " " + t("obligation.reason.paused", days=args["paused"])
    if args.get("moved_from"):
        text += " " + t("obligation.reason.moved", day=args["moved_from"])
    return text


def when(start: datetime) -> str:
    """"01-12 13.00": short date and time of a booked meeting."""
    return f"{dates.fmt_short_date(start.date())} {dates.fmt_time(start)}"


def booking_text(item: Obligation) -> str:
    """For meeting-type obligations: the booked meeting, "too late" when after the deadline,
    or "not booked". Empty for the other kinds."""
    if not item.meeting_kind:
        return ""
    if item.planned is None:
        return t("obligation.booking.none")
    return t("obligation.booking.late" if item.booked_late else "obligation.booking.planned", when=when(item.planned))


def meeting_reason_label(reason: str, base: date | None) -> str:
    """The short reason of a next-meeting deadline ("første samtale (7 dage)"), with the
    numbers of the profile in force on its base day."""
    if not reason:
        return ""
    profile = profile_for_history(base or date.today())
    return t("reason." + reason, days=profile.first_meeting_days, required=profile.first_period_min_meetings,
             months=profile.first_period_months)


def checklist_title(key: str, day: date | None = None) -> str:
    """A preparatory-plan item's title: the profile's, in the current language; the catalog's
    for a key the profile no longer lists."""
    from tui.i18n.catalog import current_language

    for item in profile_for_history(day or date.today()).rehab_checklist:
        if item.key == key:
            return item.title_en if current_language() == "en" else item.title_da
    return t("plan_item." + key)
