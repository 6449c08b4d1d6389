"""The citizen screen: who, how to reach them, the next deadline and why, the open items, and
the red thread — every meeting, contact, note, certificate, course, report, absence and
hearing in one timeline, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Self

from rich.text import Text
from textual import events, on
from textual.binding import Binding, BindingType
from textual import messages
from textual._time import get_time
from textual.geometry import Region, Size
from textual.widgets import DataTable
from textual.widgets import Static

from tui.citizen_data import CitizenData, fetch_citizen
from tui.format import date_cell, days_cell, interval_text, mask_cpr, status_cell, urgency_cell
from tui.host import host
from tui.i18n import dates, t
from tui.screens.citizen_actions import CitizenActions
from tui.screens.citizen_day import CitizenDay
from tui.screens.loading import LoadingScreen
from tui.screens.quiet_removal import QuietRemoval
from tui.styled_once import StyledOnce
from tui.obligations import booking_text, kind_label, reason_text
from tui.text import clean, plain
from tui.timeline_text import kind_text
from tui.widgets.table import SagsTable
from tui.widgets.footer import QuietFooter
from tui.widgets.topbar import TopBar
from tui.messages import Written
from tui.workers import run_read

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.widgets.data_table import RowKey

    from store.commands.base import ChangeSet
    from store.facade import Store


class CitizenTable(SagsTable):
    """A table of the citizen screen: every column has a set width (fitted to the screen by
    SagsTable, which measures each cell as it is added). Textual's DataTable measures every
    cell of each new row once more through Rich when it next idles, for the content width of
    auto-width columns, which these never have: ~2 ms of the UI thread before the first frame
    of each open (issue 11). Without such a column, row label or auto-height row, only the
    virtual size is set, as Textual's does after measuring."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        keys = list(new_rows)
        rows = [self.rows.get(key) for key in keys]
        if any(column.auto_width for column in self.columns.values()) or any(
                row is not None and (row.label is not None or row.auto_height) for row in rows):
            super()._update_dimensions(keys)
            return
        header = self.header_height if self.show_header else 0
        width = sum(column.get_render_width(self) for column in self.columns.values())
        self.virtual_size = Size(width + self._row_label_column_width, self._total_row_height + header)


class CitizenScreen(StyledOnce, QuietRemoval, CitizenDay, CitizenActions, LoadingScreen["CitizenData"]):
    # Everything fits the terminal, the timeline taking what is left: a screen taller than the
    # terminal would scroll to the focused table at a moment that depends on timing.
    DEFAULT_CSS = """
    CitizenScreen { overflow-y: hidden; }
    CitizenScreen #citizen-items { height: auto; max-height: 7; }
    CitizenScreen #citizen-timeline { height: 1fr; min-height: 4; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="citizen.back"),
        Binding("c", "reveal", "key.reveal", id="citizen.reveal"),
        Binding("D", "erase", "erase.key", show=False, id="citizen.erase"),
        Binding("tab", "app.focus_next", "key.next_pane", show=False, id="citizen.next"),
        *CitizenActions.BINDINGS,
    ]

    # The red thread has the focus from the start: focusing it in on_mount, after Textual had
    # focused the first focusable widget (the open items), restyled both tables once more.
    AUTO_FOCUS = "#citizen-timeline"
    shows = frozenset({"supplier"})  # a course's supplier name; the rest is the citizen's own

    def __init__(self, citizen_id: int) -> None:
        super().__init__()
        self.citizen_id = citizen_id
        self.revealed = False
        self.data: CitizenData | None = None
        self.timeline_entries = {}

    def compose(self):  # type: ignore[no-untyped-def]
        yield TopBar()
        yield Static(id="citizen-summary", classes="summary")
        yield Static(t("citizen.open_items"), classes="section-title")
        yield CitizenTable(id="citizen-items")
        yield Static(t("citizen.timeline"), classes="section-title")
        yield CitizenTable(id="citizen-timeline")
        yield QuietFooter()

    def on_mount(self) -> None:
        items = self.query_one("#citizen-items", SagsTable)
        for key, width in (("col.urgency", 12), ("col.due", 10), ("col.what", 90)):
            items.add_column(t(key), width=width)
        timeline = self.query_one("#citizen-timeline", SagsTable)
        # The detail is what one reads: it takes most of the room; kind and title are narrowed.
        for key, width in (("col.date", 16), ("col.kind", 30), ("col.title", 30), ("col.detail", 80)):
            timeline.add_column(t(key), width=width, key=key)
        self.query_one(TopBar).show(host(self).clock.today(), host(self).caseworker, host(self).read_only)
        prefetched = host(self).prefetch.get(self.citizen_id)
        if prefetched is not None:
            self.show(prefetched)
        else:
            self._fit_columns()  # the empty tables' headers: drawn once, at their final widths

    def first_load(self) -> None:
        if self.data is None:
            self.refresh_data()
        else:
            # The prefetched copy is drawn first; the fresh read starts once that frame is
            # drawn, so its worker does not take turns with the frame on the interpreter lock.
            self.call_after_refresh(self.refresh_data)

    def _fit_columns(self) -> None:
        """Both tables span the screen: their columns are fitted to its width now, before the
        first frame, so they are not laid out at their designed widths first and then again
        (every cell through Rich twice) when SagsTable fits them after that frame."""
        width = self.size.width or self.app.size.width
        for table in self.query(SagsTable):
            table.fit_columns(width)

    def on_screen_resume(self, event: events.ScreenResume | None = None) -> None:
        # Textual calls LoadingScreen's handler (catch_up) after this one, as it calls each
        # class's handler of a message: no super() call here.
        self.skip_first_restyle(event)

    def _on_resize(self, event: events.Resize) -> None:
        """Textual 8.2 posts a Resize to a screen after its first layout (the screen is among
        the widgets that layout shows), and `Screen._on_resize` then lays the screen out and
        paints it again at the size it was just laid out at, and lays out the main screen
        beneath too: ~4 ms of the main thread in process and a second full frame for the
        terminal on every open (issue 11). A Resize to the size the screen already has
        changes nothing and is dropped here; a real change of the terminal's size differs
        from it and goes on to Textual (as `SagsdagApp._on_resize` does for the app)."""
        if event.size == self.outer_size:  # laid out at (`size` is the app's, already the new one)
            event.prevent_default()  # Screen._on_resize is not called
            event.stop()

    _laid_out_at: float | None = None  # when the first layout began (Textual's clock)

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        """The screen's first layout is a full reflow: it reads every widget as it is then, so
        every layout asked for before it is done by it. Yet as it gives each widget its size,
        Textual sets each one's `virtual_size`, a reactive that asks for a layout again, and
        the tables' requests from before it arrive after it: one more reflow and paint of the
        whole screen, at the same places, after the first frame (~4 ms of the main thread,
        issue 11). Requests made before the first layout and by it are dropped, but for a
        table whose scrollbar it showed or hid; any later one (rows landing, a resize) runs.
        Only when that layout draws its frame (the screen is shown). tests/tui/
        test_citizen_open.py checks that a layout afterwards moves nothing."""
        first = (self._laid_out_at is None and not scroll and bool(size or self.outer_size)
                 and self.is_current)
        began = get_time()
        bars = self._scrollbars() if first else {}
        super()._refresh_layout(size, scroll)
        if first:
            self._laid_out_at = began
            self._layout_required = False
            # A table whose scrollbar the layout showed or hid needs the second layout (its
            # content is narrower or wider by the bar): its request stays.
            for widget in self.walk_children(with_self=False):
                if bars.get(widget) == self._bars_of(widget):
                    widget._layout_required = False
                    widget._repaint_required = False
            # This layout's frame has just drawn the whole screen from every widget as it is
            # now; the repaints asked for until now, and the one Textual's resume asks for
            # next, would draw it all again in a second frame for the terminal. Skipped.
            self._repaint_required = False
            self._painted_whole = True
            self.call_later(self._forget_painted)

    _painted_whole = False

    def _forget_painted(self) -> None:
        self._painted_whole = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        """Textual counts the screen beneath (the main screen) as one that may show through,
        whatever the screen above: a change beneath repaints those regions of this screen
        (`Screen._compositor_refresh`), the only caller that passes regions to a screen's
        refresh. Pushing this screen marks all of the main screen for a repaint, so the frame
        after the first drew the whole citizen screen again (issue 11). An opaque screen shows
        nothing of what is beneath it: those repaints are dropped."""
        only_painting = not layout and not recompose
        if only_painting and regions and self.styles.background.a == 1:
            return self
        if only_painting and not regions and self._painted_whole:
            self._painted_whole = False
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _scrollbars(self) -> dict[object, tuple[bool, bool] | None]:
        return {widget: self._bars_of(widget) for widget in self.walk_children(with_self=False)}

    @staticmethod
    def _bars_of(widget: object) -> tuple[bool, bool] | None:
        if not getattr(widget, "is_scrollable", False):
            return None
        return (widget.show_vertical_scrollbar, widget.show_horizontal_scrollbar)  # type: ignore[attr-defined]

    def _on_layout(self, message: messages.Layout) -> None:
        if self._laid_out_at is not None and message.time <= self._laid_out_at:
            message.prevent_default()  # done by the first layout: Screen._on_layout is not called
            message.stop()

    def _on_update(self, message: messages.Update) -> None:
        if self._laid_out_at is not None and message.time <= self._laid_out_at:
            message.prevent_default()  # drawn by the first layout's frame: Screen._on_update is not called
            message.stop()

    def refresh_for(self, changes: ChangeSet) -> None:
        """Only a change to this citizen's records reloads the screen."""
        if self.citizen_id in changes.citizens or changes.touches(self.shows):
            self.refresh_data()

    def fetch(self, store: Store) -> CitizenData:
        return fetch_citizen(store, self.citizen_id)

    def show(self, data: CitizenData) -> None:
        if data == self.data:
            return
        self.data = data
        self._summary()
        items = self.query_one("#citizen-items", SagsTable)
        items.clear()
        for item in data.open_items:
            style = items.status_style(item.status)
            what = f"{kind_label(item)}: {clean(reason_text(item), limit=160)}"
            if item.meeting_kind:
                what += f" · {booking_text(item)}"
            items.add_row(urgency_cell(item.status, item.days_left, style), date_cell(item.due, style),
                          Text(what), key=f"{item.kind}:{item.ref_kind}:{item.ref_id}")
        timeline = self.query_one("#citizen-timeline", SagsTable)
        keep, keep_key = timeline.cursor_row, timeline.current_key()
        timeline.clear()
        # A line's key is its record and which of that record's lines it is (a course has a
        # start and an end line), not its position: a line saved above the cursor must not
        # move the cursor onto another record.
        seen: dict[tuple[str, int], int] = {}
        self.timeline_entries = {}
        for entry in data.timeline:
            n = seen[(entry.kind, entry.ref_id)] = seen.get((entry.kind, entry.ref_id), -1) + 1
            key = f"{entry.kind}:{entry.ref_id}:{n}"
            self.timeline_entries[key] = entry
            when = dates.fmt_date(entry.at.date()) + ("" if entry.at.time() == entry.at.min.time() else " " + dates.fmt_time(entry.at))
            kind = kind_text(entry)
            timeline.add_row(Text(when), Text(kind), plain(entry.title, limit=80), plain(entry.detail, limit=160),
                             key=key)
        if timeline.row_count:
            keys = list(self.timeline_entries)
            row = keys.index(keep_key) if keep_key in self.timeline_entries else min(keep, timeline.row_count - 1)
            timeline.move_cursor(row=row, animate=False)
        self._fit_columns()

    def _summary(self) -> None:
        if self.data is None:
            return
        c = self.data.file.citizen
        cpr = c.cpr if self.revealed else mask_cpr(c.cpr)
        lines = [
            Text.assemble((clean(c.name, limit=200), "bold"), "   ", cpr,
                          ("   " + t("citizen.closed", outcome=t("outcome." + (c.outcome or "other")))) if c.status == "closed" else ""),
            Text(f"{t('citizen.phone')}: {clean(c.phone) or '–'}   {t('citizen.email')}: {clean(c.email) or '–'}   "
                 f"{t('citizen.interval')}: {interval_text(c.interval) or self._default_interval()}"
                 + (f"   {t('citizen.place')}: {t('place.' + c.preferred_place)}" if c.preferred_place else "")
                 + (f"   {t('citizen.interpreter')}: {clean(c.interpreter_language)}" if c.interpreter_language else "")),
            self._deadline_line(),
        ]
        flags = [clean(f.text, limit=80) for f in c.flags]
        if flags:
            lines.append(Text("⚑ " + " · ".join(flags)))
        self.query_one("#citizen-summary", Static).update(Text("\n").join(lines))

    def _default_interval(self) -> str:
        from store.rules import profile_for

        return t("citizen.default_interval", interval=interval_text(profile_for(host(self).clock.today()).default_interval))

    def _deadline_line(self) -> Text:
        c = self.data.file.citizen  # type: ignore[union-attr]
        if c.next_due is None:
            return Text(t("citizen.no_deadline"))
        from store.rules import days_left, profile_for, status_for

        today = host(self).clock.today()
        left, status = days_left(c.next_due, today), status_for(c.next_due, today, profile_for(today))
        style = self.query_one("#citizen-items", SagsTable).status_style(status)
        from store.rules import profile_for

        from datetime import timedelta

        from store.rules import profile_for_history

        rules = profile_for_history(c.due_base or today)
        first = profile_for_history(c.first_request)
        interval = interval_text(c.interval or rules.default_interval)
        why = t("why." + (c.due_reason or "interval"), base=dates.fmt_date(c.due_base), interval=interval,
                days=rules.first_meeting_days, required=first.first_period_min_meetings, months=first.first_period_months)
        if c.due_paused_days:
            why += " " + t("deadline.paused", days=c.due_paused_days)
        # A closed-day move is the difference after the absence pause, never the pause itself.
        paused_due = c.due_raw + timedelta(days=c.due_paused_days or 0) if c.due_raw else None
        if paused_due and paused_due != c.next_due:
            why += " " + t("deadline.moved", raw=dates.fmt_date(paused_due))
        booking = next((booking_text(i) for i in self.data.open_items if i.kind == "next_meeting"), "")  # type: ignore[union-attr]
        return Text.assemble(f"{t('citizen.next_deadline')}: ", status_cell(status, style), " ",
                             date_cell(c.next_due, style), " (", days_cell(left), ")  ", booking + "   " if booking else "",
                             why)

    @on(DataTable.RowSelected, "#citizen-timeline")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.row_menu()

    def action_back(self) -> None:
        self.revealed = False  # a revealed CPR is masked again on leaving
        self.dismiss()

    def action_erase(self) -> None:
        """Right to erasure: says what will go, asks for a typed word (tui/erase_flow.py)."""
        from tui import erase_flow  # imports the store's modules: kept out of start-up

        erase_flow.start(self)

    @on(Written)
    def _erased(self, message: Written) -> None:
        command = message.command
        if command.label != "citizens.erase" or getattr(command, "citizen_id", None) != self.citizen_id:
            return
        from store.commands import base as commands  # SQLAlchemy: kept out of start-up
        from store.commands.erasure import Erasure
        from tui.erasure_words import what_goes

        gone = message.outcome.value
        assert isinstance(gone, Erasure)  # what DeleteCitizen returns
        self.app.notify(t("erase.done", name=clean(gone.name, limit=80), what=what_goes(gone)), markup=False)
        # Erased with plain statements, which the change set does not see: everything reloads.
        host(self).refresh_for(commands.ChangeSet.everything())
        if self.app.screen is self:
            self.dismiss()

    def hide_revealed(self) -> None:
        """The idle lock engaged: the CPR number is masked again."""
        if self.revealed:
            self.revealed = False
            self._summary()

    def action_reveal(self) -> None:
        store = host(self).store
        if self.revealed:
            self.revealed = False
            self._summary()
        elif store is not None:
            # The access log is fsynced: that waits for the disk, so off the UI thread. The
            # number shows only once the reveal is logged; an unlogged reveal is not allowed.
            run_read(self.app, lambda: store.log_access("reveal_cpr", citizen_id=self.citizen_id), self._revealed)

    def _revealed(self, _: None) -> None:
        self.revealed = True
        self._summary()
