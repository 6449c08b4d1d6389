"""The main screen: five panes. At 160x48 they all show; in a small terminal only the current
pane shows, full size, and digits or tab move between them."""

from __future__ import annotations

import threading
import time
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from tui.refresh import ShowsChanges

from tui.i18n import t
from tui.panes.base import Pane, PaneData
from tui.panes.rows import PaneRow
from tui.panes.caseload import CaseloadPane
from tui.panes.deadlines import DeadlinesPane
from tui.panes.doctors import DoctorsPane
from tui.panes.suppliers import SuppliersPane
from tui.panes.today import TodayPane
from tui.same_size import SameSizeNoLayout
from tui.styled_once import StyledOnce
from tui.widgets.focus_cost import QuietFocus
from tui.widgets.frame_cost import OneFrameLayout
from tui.widgets.scrollbars_first import LaidOutWithScrollbars
from tui.widgets.covered import SkipCovered
from tui.widgets.footer import QuietFooter
from tui.widgets.topbar import TopBar
from tui.host import host

if TYPE_CHECKING:
    from store.commands.base import ChangeSet
    from store.facade import Store

NARROW_WIDTH = 120
NARROW_HEIGHT = 36
TURN_POLL = 1 / 60  # seconds between looks at whether a pane's rows have landed
TURN_LIMIT = 3.0  # the next pane's turn comes after this long whatever happened


def _fetch_then_wait(pane: Pane[PaneRow], gate: threading.Event, search: str, limit: int, store: Store) -> PaneData[PaneRow]:
    """On the pane's worker thread: read the page, then hold the answer until its turn."""
    data = pane.fetch(store, search, limit)
    gate.wait(TURN_LIMIT * 5)
    return data


# QuietFocus's watcher takes (old, new) where Screen's takes nothing, on purpose: Textual
# calls a watcher with as many values as it accepts.
class MainScreen(StyledOnce, LaidOutWithScrollbars, OneFrameLayout, QuietFocus, ShowsChanges, SameSizeNoLayout, Screen[None]):  # type: ignore[misc]
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"pane({n})", f"key.pane{n}", show=False, id=f"main.pane{n}") for n in range(1, 6)),
        Binding("tab", "next_pane", "key.next_pane", show=False, id="main.next_pane"),
        Binding("shift+tab", "previous_pane", "key.previous_pane", show=False, id="main.previous_pane"),
        Binding("s", "app.sparring", "key.sparring", id="main.sparring"),
        Binding("m", "app.numbers", "key.numbers", id="main.numbers"),
        Binding("n", "new_citizen", "key.new_citizen", id="main.new_citizen"),
        Binding("P", "plan", "key.plan", show=False, id="main.plan"),
    ]

    def __init__(self, quick=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self._compositor = SkipCovered()  # containers the panes tile are not rendered (tui.widgets.covered)
        self.quick = quick
        self._borders: dict[int, tuple[Literal["round"], str] | None] = {}  # pane number -> the border set on it

    def compose(self):  # type: ignore[no-untyped-def]
        today, caseload, deadlines, doctors, suppliers = panes = (
            TodayPane(), CaseloadPane(), DeadlinesPane(), DoctorsPane(), SuppliersPane())
        self._expect_widths(panes)
        yield TopBar(id="topbar")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield today
                yield caseload
            with Vertical(id="right"):
                yield deadlines
                yield doctors
                yield suppliers
        yield QuietFooter()

    def _expect_widths(self, panes: tuple[Pane[Any], ...]) -> None:
        """Each pane's columns are chosen for the width it will have (Pane.on_resize) before
        its first frame: the first frame used to be drawn with every column, and a pane that
        turned out narrow rebuilt its columns and drew all its rows again just as the first
        key came (issue 15). A wrong guess costs only that rebuild, as before."""
        width, height = self.app.size
        if not (width < NARROW_WIDTH or height < NARROW_HEIGHT):
            width //= 2  # two columns of panes
        self._table_width = width - 2  # inside the pane's border
        for pane in panes:
            pane.narrow = bool(pane.narrow_drop) and 0 < self._table_width < pane.wide_from

    @property
    def panes(self) -> list[Pane[PaneRow]]:
        return sorted(self.query(Pane), key=lambda p: p.number)

    current = 1

    _table_width = 0

    def on_mount(self) -> None:
        # Textual shows or hides the notifications' rack after each resume by setting its
        # display inline (App._refresh_notifications, a call_later): the first time that is a
        # new rule, so the rack, and with it the screen, was laid out again just after the
        # first frame. Set to the same value now, it is laid out with the first frame.
        for rack in self.query_children("#textual-toastrack"):
            rack.display = bool(self.app._notifications)
        self._layout_for(self.size.width, self.size.height)
        # The top line is in the first frame: filled on Show it came a frame later, and
        # its update laid the whole screen out again before the first key (issue 15).
        self._show_topbar()
        self.focus_pane(1)
        if self.quick is not None:
            self.show_quick(self.quick)
        for pane in self.panes:  # for the reason of _expect_widths: columns fitted once
            pane.table.fit_columns(self._table_width)

    def on_resize(self, event) -> None:  # type: ignore[no-untyped-def]
        self._layout_for(event.size.width, event.size.height)

    def _layout_for(self, width: int, height: int) -> None:
        narrow = width < NARROW_WIDTH or height < NARROW_HEIGHT
        if narrow != self.has_class("narrow"):
            self.set_class(narrow, "narrow")
            self._mark_current()
            if not narrow:
                self._show_topbar()

    def _show_topbar(self) -> None:
        """In a small terminal only one pane shows: the top line says which, and that there are
        more (`1/5 I dag · tab for næste`)."""
        extra = ""
        if self.has_class("narrow"):
            pane = next((p for p in self.panes if p.number == self.current), None)
            if pane is not None:
                extra = t("main.where", n=self.current, of=len(self.panes), title=t(pane.title_key))
        self.query_one(TopBar).show(host(self).clock.today(), host(self).caseworker, host(self).read_only, extra=extra)

    def _mark_current(self) -> None:
        """The `current` classes matter only in a small terminal (one pane shown); restyling
        the screen for them on every switch would cost a full repaint for nothing."""
        if not self.has_class("narrow"):
            return
        self._show_topbar()
        for pane in self.panes:
            pane.set_class(pane.number == self.current, "current")
            if pane.number == self.current:
                for column in self.query("#panes > Vertical"):
                    column.set_class(column is pane.parent, "current")

    def focus_pane(self, number: int) -> None:
        self.current = number
        self._mark_current()
        self._highlight(number)
        for pane in self.panes:
            if pane.number == number:
                self.set_focus(pane.table)  # at once: "3⏎" typed fast must open from pane 3
                row = pane.row_at_cursor()
                host(self).prefetch.want(pane.citizen_of(row) if row is not None else None)

    def on_descendant_focus(self, event) -> None:  # type: ignore[no-untyped-def]
        pane = next((p for p in event.widget.ancestors_with_self if isinstance(p, Pane)), None)
        if pane is not None and pane.number != self.current:
            self.focus_pane(pane.number)

    def _highlight(self, number: int) -> None:
        """The current pane's border in the accent colour. Only a pane whose border changes is
        touched: setting a border, even to what it was, repaints the whole pane (Textual 8.2),
        and a switch repainted all five (issue 15)."""
        accent = self.app.current_theme.accent or self.app.current_theme.primary
        for pane in self.panes:
            border: tuple[Literal["round"], str] | None = ("round", accent) if pane.number == number else None
            if self._borders.get(pane.number) != border:
                pane.styles.border = border
                self._borders[pane.number] = border

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

    def action_plan(self) -> None:
        from tui.screens.plan import PlanScreen  # opened when asked for, not before the first frame

        self.app.push_screen(PlanScreen())

    def on_show(self) -> None:
        self._show_topbar()

    def show_quick(self, quick) -> None:  # type: ignore[no-untyped-def]
        from tui.panes.base import PaneData

        if host(self).store is None:
            self.query_one(CaseloadPane).apply(PaneData(quick.rows, quick.total, ""))

    def load_in_turn(self) -> None:
        """Every pane loads from the full store, the current one first, and each pane's rows
        land once the rows before them have been drawn. When the store opened, all five loaded
        at once and their rows landed in one frame: every cell of five tables laid out for the
        first time (~40 ms of the main thread) in the frame a start-up key waited for (issue
        15). All five loads start now, and each answer waits for its turn (so a worker runs
        until the last has landed, and each pane's rows are ready when its turn comes). The quick first page stays as it is, cells
        laid out, when the full store's page is the same."""
        self._show_topbar()
        order = sorted(self.panes, key=lambda p: (p.number != self.current, p.number))
        gates = [threading.Event() for _ in order]
        for pane, gate in zip(order, gates):
            pane.keep_same_rows = pane.loaded  # the quick page: kept if the store says the same
            search, limit = pane.search, pane.limit
            pane.reload(partial(_fetch_then_wait, pane, gate, search, limit))
        self._turns = list(zip(order, gates))
        gates[0].set()
        started = time.monotonic()
        self._turn_timer = self.set_interval(TURN_POLL, lambda: self._landed_yet(started))

    _turns: list[tuple[Pane[PaneRow], threading.Event]] = []
    _turn_timer: Any = None

    def loading_in_turn(self) -> bool:
        return bool(self._turns)

    def _landed_yet(self, started: float) -> None:
        if not self._turns:  # a tick already queued when the last turn stopped the timer
            return
        pane, _ = self._turns[0]
        if not (pane.shows_newest() or pane.stale or time.monotonic() - started > TURN_LIMIT * len(self.panes)):
            return
        self._turns.pop(0)
        if not self._turns:
            self._turn_timer.stop()
            return
        # The next one once these rows are drawn: a table that got its rows is laid out again
        # in the frame after (its scrollbar comes, its columns narrow), hence two frames.
        gate = self._turns[0][1]
        self.call_after_refresh(lambda: self.call_after_refresh(gate.set))

    def refresh_for(self, changes: ChangeSet) -> None:
        """Only the panes that show a changed kind reload (tui/panes/base.py, `wants`)."""
        self._show_topbar()
        for pane in self.panes:
            pane.refresh_for(changes)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        self.skip_first_restyle(event)
        self.catch_up()

    def current_pane(self) -> Pane[PaneRow]:
        return next(p for p in self.panes if p.number == self.current)
