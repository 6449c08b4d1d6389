"""The main screen: five panes. At 160x48 they all show; in a small terminal only the current
pane shows, full size, and digits or tab move between them."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer

from tui.panes.base import Pane
from tui.panes.caseload import CaseloadPane
from tui.panes.deadlines import DeadlinesPane
from tui.panes.doctors import DoctorsPane
from tui.panes.suppliers import SuppliersPane
from tui.panes.today import TodayPane
from tui.widgets.topbar import TopBar

NARROW_WIDTH = 120
NARROW_HEIGHT = 36


class MainScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"pane({n})", f"key.pane{n}", show=False, id=f"main.pane{n}") for n in range(1, 6)),
        Binding("tab", "next_pane", "key.next_pane", show=False, id="main.next_pane"),
        Binding("shift+tab", "previous_pane", "key.previous_pane", show=False, id="main.previous_pane"),
        Binding("s", "app.sparring", "key.sparring", id="main.sparring"),
        Binding("m", "app.numbers", "key.numbers", id="main.numbers"),
        Binding("n", "new_citizen", "key.new_citizen", id="main.new_citizen"),
    ]

    def compose(self):  # type: ignore[no-untyped-def]
        yield TopBar(id="topbar")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield TodayPane()
                yield CaseloadPane()
            with Vertical(id="right"):
                yield DeadlinesPane()
                yield DoctorsPane()
                yield SuppliersPane()
        yield Footer()

    @property
    def panes(self) -> list[Pane]:
        return sorted(self.query(Pane), key=lambda p: p.number)

    def on_mount(self) -> None:
        self.current = 1
        self._layout_for(self.size.width, self.size.height)
        self.focus_pane(1)

    def on_resize(self, event) -> None:  # type: ignore[no-untyped-def]
        self._layout_for(event.size.width, event.size.height)

    def _layout_for(self, width: int, height: int) -> None:
        self.set_class(width < NARROW_WIDTH or height < NARROW_HEIGHT, "narrow")

    def focus_pane(self, number: int) -> None:
        for pane in self.panes:
            pane.set_class(pane.number == number, "current")
        for pane in self.panes:
            if pane.number == number:
                for column in self.query("#panes > Vertical"):
                    column.set_class(column is pane.parent, "current")
                self.set_focus(pane.table)  # at once: "3⏎" typed fast must open from pane 3
        self.current = number

    def on_descendant_focus(self, event) -> None:  # type: ignore[no-untyped-def]
        pane = next((p for p in event.widget.ancestors_with_self if isinstance(p, Pane)), None)
        if pane is not None and pane.number != self.current:
            self.focus_pane(pane.number)

    def action_pane(self, number: int) -> None:
        if self.maximized is not None:
            self.minimize()
        self.focus_pane(number)

    def action_next_pane(self) -> None:
        self.action_pane(self.current % 5 + 1)

    def action_previous_pane(self) -> None:
        self.action_pane((self.current - 2) % 5 + 1)

    def action_new_citizen(self) -> None:
        from tui.forms.citizen import CreateCitizenForm

        self.app.push_screen(CreateCitizenForm())

    def refresh_data(self) -> None:
        self.query_one(TopBar).show(self.app.store.today(), self.app.store.caseworker, self.app.read_only)
        for pane in self.panes:
            pane.reload()

    def current_pane(self) -> Pane:
        return next(p for p in self.panes if p.number == self.current)
