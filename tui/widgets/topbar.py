"""The line at the top: program, day, and whose caseload this is."""

from __future__ import annotations

from textual.widgets import Static

from tui.i18n import dates, t


class TopBar(Static):
    DEFAULT_CSS = """
    TopBar { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    _line: str | None = None

    def show(self, today, caseworker: str | None, read_only: bool = False, extra: str = "") -> None:  # type: ignore[no-untyped-def]
        from rich.text import Text

        from tui.text import clean

        parts = [t("app.title"), dates.fmt_day(today)]
        if caseworker:
            parts.append(t("app.caseworker", name=clean(caseworker, limit=60)))
        if read_only:
            parts.append(t("app.read_only"))
        if extra:
            parts.append(extra)
        line = "  ·  ".join(parts)
        if line == self._line:
            return  # unchanged (a save refreshes the main screen): no repaint under an open form
        self._line = line
        self.update(Text(line))
