"""Plan the weeks (P): the planner's proposals by day, each with the deadline it meets, and
below them the citizens it could not place, with the reason. The caseworker goes down the list:
`enter` books a proposal, `e` opens it as a meeting form to move or change it first, `d` skips
it, `a` books every proposal still open in one transaction (one undo).

The plan is computed once when the screen opens and then stays put while the caseworker works
through it (a write elsewhere does not reshuffle the rows under the cursor)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from tui.format import mask_cpr
from tui.host import host
from tui.i18n import t
from tui.i18n.dates import fmt_date, fmt_short_date, fmt_time, weekday
from tui.messages import Write, WriteFailed, Written
from tui.plan_words import kind_text, why_text
from tui.screens.loading import LoadingScreen
from tui.text import plain
from tui.widgets.footer import QuietFooter
from tui.widgets.table import SagsTable
from tui.widgets.topbar import TopBar

if TYPE_CHECKING:  # the planner itself loads in the worker, not with the app
    from store.facade import Store
    from store.commands.planning import AcceptPlan
    from store.planning.model import Plan, Proposal

WEEKS = 2
PROPOSAL_COLUMNS = (("state", 2), ("day", 10), ("time", 6), ("citizen", 22), ("deadline", 22), ("minutes", 5),
                    ("place", 11), ("kind", 16), ("cpr", 11))
UNPLACED_COLUMNS = (("citizen", 22), ("deadline", 11), ("why", 30), ("kind", 16), ("cpr", 11))
PENDING, ACCEPTED, SKIPPED = "pending", "accepted", "skipped"


@dataclass(frozen=True)
class MovedCitizen:
    """What the meeting form needs of a citizen to plan a meeting for them."""

    id: int
    name: str
    preferred_place: str | None


class PlanScreen(LoadingScreen["Plan"]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "accept", "key.plan_accept", id="plan.accept"),
        Binding("e", "move", "key.plan_move", id="plan.move"),
        Binding("d", "skip", "key.plan_skip", id="plan.skip"),
        Binding("a", "accept_all", "key.plan_accept_all", id="plan.accept_all"),
        Binding("escape", "back", "key.back", id="plan.back"),
    ]
    DEFAULT_CSS = """
    PlanScreen #plan-proposals { height: 2fr; }
    PlanScreen #plan-unplaced { height: 1fr; }
    """

    def __init__(self, weeks: int = WEEKS) -> None:
        super().__init__()
        self.weeks = weeks
        self.plan: Plan | None = None
        self.state: dict[str, str] = {}
        self._booking: AcceptPlan | None = None  # the write this screen waits for

    def compose(self):  # type: ignore[no-untyped-def]
        yield TopBar()
        yield Static(t("plan.title"), id="plan-title", classes="section-title", markup=False)
        yield SagsTable(id="plan-proposals")
        yield Static("", id="plan-unplaced-title", classes="section-title", markup=False)
        yield SagsTable(id="plan-unplaced")
        yield QuietFooter()

    def on_mount(self) -> None:
        proposals = self.query_one("#plan-proposals", SagsTable)
        # What a decision needs comes first, so an 80-column terminal still shows the deadline.
        for key, width in PROPOSAL_COLUMNS:
            proposals.add_column(t(f"plan.col.{key}"), width=width, key=key)
        unplaced = self.query_one("#plan-unplaced", SagsTable)
        for key, width in UNPLACED_COLUMNS:
            unplaced.add_column(t(f"plan.col.{key}"), width=width, key=key)
        proposals.focus()
        self.query_one(TopBar).show(host(self).clock.today(), host(self).caseworker, host(self).read_only)
        super().on_mount()

    # -- data ------------------------------------------------------------------------------

    def refresh_data(self) -> None:
        # Once: see the module docstring. Reopening the screen computes a fresh plan.
        if self.plan is None and host(self).store is not None:
            super().refresh_data()

    def fetch(self, store: Store) -> Plan:
        # Here, in the worker: the store's database layer is not part of the app's start-up.
        from store.planning.service import plan_for

        return plan_for(store, weeks=self.weeks, settings=host(self).config.plan)

    def show(self, plan: Plan) -> None:
        self.plan = plan
        self.state = {_key(p): PENDING for p in plan.proposals}
        table = self.query_one("#plan-proposals", SagsTable)
        table.clear()
        previous = None
        for p in plan.proposals:
            day = p.start.date()
            shown_day = f"{weekday(day, short=True)} {fmt_short_date(day)}" if day != previous else ""
            previous = day
            deadline = t("plan.overdue" if p.late else "plan.meets", date=fmt_short_date(p.need.deadline))
            table.add_row(
                Text(""), Text(shown_day, style="bold"), Text(fmt_time(p.start)), plain(p.need.name),
                Text(deadline, style="bold" if p.late else ""), Text(str(p.minutes)), Text(t(f"place.{p.place}")),
                Text(kind_text(p.need.kind)), Text(mask_cpr(p.need.cpr)), key=_key(p),
            )
        unplaced = self.query_one("#plan-unplaced", SagsTable)
        unplaced.clear()
        for u in plan.unplaced:
            unplaced.add_row(plain(u.need.name), Text(fmt_date(u.need.deadline)), Text(why_text(u.why)),
                             Text(kind_text(u.need.kind)), Text(mask_cpr(u.need.cpr)),
                             key="|".join(map(str, u.need.key)))
        self._titles()

    def _titles(self) -> None:
        if self.plan is None:
            return
        left = sum(1 for s in self.state.values() if s == PENDING)
        title = t("plan.window", first=fmt_date(self.plan.first_day), last=fmt_date(self.plan.last_day),
                  n=left, left=len(self.plan.unplaced))
        if left:
            title += "  ·  " + t("plan.enter_hint")
        if not self.plan.proposals and not self.plan.unplaced:
            title += "  ·  " + t("plan.none")
        self.query_one("#plan-title", Static).update(Text(title))
        self.query_one("#plan-unplaced-title", Static).update(Text(t("plan.unplaced_title", n=len(self.plan.unplaced))))

    # -- the rows --------------------------------------------------------------------------

    def _current(self) -> Proposal | None:
        if self.plan is None:
            return None
        key = self.query_one("#plan-proposals", SagsTable).current_key()
        if key is None:
            return None
        found = next((p for p in self.plan.proposals if _key(p) == key), None)
        return found if found is not None and self.state.get(key) == PENDING else None

    def _mark(self, proposals: tuple[Proposal, ...], state: str) -> None:
        table = self.query_one("#plan-proposals", SagsTable)
        for p in proposals:
            self.state[_key(p)] = state
            table.update_cell(_key(p), "state", Text(t(f"plan.state.{state}"), style="bold"))
        self._titles()

    def _next_row(self) -> None:
        table = self.query_one("#plan-proposals", SagsTable)
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    @on(DataTable.RowSelected, "#plan-proposals")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_accept()

    @on(DataTable.RowSelected, "#plan-unplaced")
    def _unplaced_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()

    # -- actions ---------------------------------------------------------------------------

    def action_accept(self) -> None:
        proposal = self._current()
        if proposal is not None:
            self._book((proposal,))

    def action_accept_all(self) -> None:
        if self.plan is None:
            return
        left = tuple(p for p in self.plan.proposals if self.state.get(_key(p)) == PENDING)
        if not left:
            self.notify(t("plan.nothing_left"))
            return
        self._book(left)

    def action_skip(self) -> None:
        proposal = self._current()
        if proposal is not None:
            self._mark((proposal,), SKIPPED)
            self._next_row()

    def action_move(self) -> None:
        proposal = self._current()
        if proposal is None:
            return
        from tui.forms.plan_move import MoveProposalForm

        need = proposal.need
        citizen = MovedCitizen(need.citizen_id, need.name, need.place)

        def done(result: object) -> None:  # the new meeting's id, or None if not saved
            if result is not None:
                self._mark((proposal,), ACCEPTED)
                self._next_row()

        self.app.push_screen(MoveProposalForm(citizen, proposal), done)

    def _book(self, proposals: tuple[Proposal, ...]) -> None:
        if host(self).read_only:
            self.notify(t("app.read_only_refused"), severity="warning")
            return
        if self._booking is not None:
            return
        from store.commands.planning import AcceptPlan  # the planner's modules load with the screen's data

        self._booking = AcceptPlan(proposals)
        self.app.post_message(Write(self._booking, what=""))

    @on(Written)
    def _booked(self, message: Written) -> None:
        if message.command is not self._booking:
            return
        proposals = self._booking.proposals
        self._booking = None
        self._mark(proposals, ACCEPTED)
        self.notify(t("plan.accepted", n=len(proposals)), timeout=3)
        self._next_row()

    @on(WriteFailed)
    def _not_booked(self, message: WriteFailed) -> None:
        if message.command is self._booking:
            self._booking = None  # the app's one reporter has said why

    def action_back(self) -> None:
        self.dismiss()


def _key(p: Proposal) -> str:
    return "|".join(map(str, p.need.key))
