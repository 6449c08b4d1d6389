"""The access log, newest first: who revealed a CPR number, exported, imported or restored
what, and when. Read-only; the log itself is append-only (store.access_log)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Static

from tui.access_problems import problem_text
from tui.host import host
from tui.i18n import t
from tui.screens.loading import LoadingScreen
from tui.text import plain
from tui.widgets.footer import QuietFooter
from tui.widgets.table import SagsTable
from tui.widgets.topbar import TopBar

if TYPE_CHECKING:  # without importing the store at start-up
    from store.access_log import AccessEntry, LogProblem
    from store.facade import Store

LIMIT = 2000


class AccessLogScreen(LoadingScreen["tuple[list[AccessEntry], list[LogProblem]]"]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="access_log.back"),
    ]

    def compose(self):  # type: ignore[no-untyped-def]
        yield TopBar()
        yield Static(t("access_log.title", n=0), classes="section-title", markup=False)
        yield Static("", id="access-log-warning", markup=False)
        yield SagsTable(id="access-log-table")
        yield QuietFooter()

    def on_mount(self) -> None:
        table = self.query_one(SagsTable)
        for key, width in (("access_log.col.time", 17), ("access_log.col.caseworker", 16),
                           ("access_log.col.action", 24), ("access_log.col.subject", 60)):
            table.add_column(t(key), width=width)
        table.focus()
        store = host(self).store
        assert store is not None  # the log is opened from a running program, its store open
        self.query_one(TopBar).show(store.today(), store.caseworker, host(self).read_only)
        super().on_mount()

    def fetch(self, store: Store) -> tuple[list[AccessEntry], list[LogProblem]]:
        from store import access_log

        return access_log.read(limit=LIMIT), store.access_log_problems()

    def show(self, data: tuple[list[AccessEntry], list[LogProblem]]) -> None:
        entries, problems = data
        table = self.query_one(SagsTable)
        table.clear()
        for n, entry in enumerate(entries):
            action = t(f"access_log.action.{entry.action}")
            if entry.citizen_id is not None:
                # The uid is what stays true after an undo gave the id to someone else.
                subject = plain(t("access_log.subject.citizen", id=entry.citizen_id)
                                + (f" · {entry.citizen[:8]}" if entry.citizen else ""))
            else:
                subject = plain(entry.file or "")
            table.add_row(Text(entry.time.strftime("%d.%m.%Y %H:%M")), plain(entry.caseworker), plain(action),
                          subject, key=str(n))
        self.query_one(".section-title", Static).update(
            t("access_log.title", n=len(entries)) if entries else t("access_log.empty"))
        self.query_one("#access-log-warning", Static).update(
            t("access_log.damaged", problem=problem_text(problems[0])) if problems else "")

    def action_back(self) -> None:
        self.dismiss()
