"""The citizen screen: who, how to reach them, the next deadline and why, the open items, and
the red thread — every meeting, contact, note, certificate, course, report, absence and
hearing in one timeline, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on
from textual.binding import Binding, BindingType
from textual.widgets import DataTable
from textual.widgets import Static

from tui.citizen_data import CitizenData, fetch_citizen
from tui.format import date_cell, days_cell, interval_text, mask_cpr, status_cell, urgency_cell
from tui.host import host
from tui.i18n import dates, t
from tui.screens.citizen_actions import CitizenActions
from tui.screens.citizen_day import CitizenDay
from tui.screens.citizen_table import CitizenTable
from tui.screens.drawn_once import DrawnOnce
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
    from store.commands.base import ChangeSet
    from store.facade import Store


class CitizenScreen(StyledOnce, DrawnOnce, QuietRemoval, CitizenDay, CitizenActions, LoadingScreen["CitizenData"]):
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
