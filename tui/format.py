"""Cells the panes share: a status with its marker, days left, dates, masked CPR."""

from __future__ import annotations

from datetime import date

from rich.style import Style
from rich.text import Text

from store.privacy import mask_cpr
from store.rules import Status
from tui.i18n import dates, t
from tui.marks import mark
from tui.text import plain

__all__ = ["cpr_cell", "date_cell", "days_cell", "mask_cpr", "since_cell", "status_cell", "urgency_cell"]

STATUS_CLASS = {Status.OVERDUE: "status--overdue", Status.DUE_SOON: "status--due-soon", Status.OK: "status--ok"}


def cpr_cell(cpr: str, revealed: bool = False) -> Text:
    return plain(cpr if revealed else mask_cpr(cpr))


def status_cell(status: Status | None, style: Style | None) -> Text:
    """The marker and the word: readable without colour."""
    if status is None:
        return Text("  –")
    return Text(f"{mark(status)} {t('status.' + status.value)}", style=style or "")


def urgency_cell(status: Status | None, days_left: int | None, style: Style | None) -> Text:
    """Marker and days in one cell ("! 52 d. over", "~ om 3 d."): readable without colour,
    narrow enough for four panes side by side."""
    if status is None or days_left is None:
        return Text("  –")
    days = t("days.left", n=days_left) if days_left >= 0 else t("days.late", n=-days_left)
    if days_left == 0:
        days = t("days.today")
    return Text(f"{mark(status)} {days}", style=style or "")


def days_cell(days_left: int | None, style: Style | None = None) -> Text:
    if days_left is None:
        return Text("–", justify="right")
    return Text(t("days.left", n=days_left) if days_left >= 0 else t("days.late", n=-days_left),
                style=style or "", justify="right")


def date_cell(d: date | None, style: Style | None = None) -> Text:
    return Text(dates.fmt_date(d), style=style or "")


def since_cell(days: int | None) -> Text:
    return Text("–" if days is None else t("days.ago", n=days), justify="right")


def interval_text(code: str | object | None) -> str:
    """An interval as people write it: `6w` → `6 uger`, `3m` → `3 mdr.`, `1m2w` → `1 md. 2 uger`.
    A code that cannot be read is shown as stored."""
    from store.rules import Interval
    from tui.i18n import t

    if code is None or code == "":
        return ""
    try:
        interval = code if isinstance(code, Interval) else Interval.parse(str(code))
    except ValueError:
        return plain(str(code)).plain
    parts = []
    for amount, unit in ((interval.months, "months"), (interval.weeks, "weeks"), (interval.days, "days")):
        if amount:
            parts.append(t(f"interval.{unit}_{'one' if amount == 1 else 'many'}", n=amount))
    return " ".join(parts)
