"""A date field that shows, as you type, the day it understood: `tirsdag` → `tir 01-12-2026`
in the field's lower border; `?` when it cannot read it yet."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from tui.host import host
from tui.i18n import dates


def understood(text: str, today: date) -> str:
    from store.parse import ParseError, parse_date

    if not text.strip():
        return ""
    try:
        day = parse_date(text, today)
    except ParseError:
        return "?"
    return f"{dates.weekday(day, short=True)} {dates.fmt_date(day)}"


class DateInput(Input):
    def watch_value(self, value: str) -> None:
        self.border_subtitle = understood(value, host(self).clock.today())

    def on_mount(self) -> None:
        self.watch_value(self.value)
