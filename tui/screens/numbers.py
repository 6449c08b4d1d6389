"""My numbers: meeting timeliness, preparatory plans, outcomes and caseload size, with the last
12 months drawn as small charts, since a trend is read at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Sparkline, Static

from store.queries.screen_rows import Numbers
from tui.host import host
from tui.i18n import dates, t
from tui.screens.loading import LoadingScreen
from tui.widgets.footer import QuietFooter
from tui.widgets.topbar import TopBar

if TYPE_CHECKING:  # without importing the store at start-up
    from store.facade import Store

SERIES = (
    ("timeliness_pct", "numbers.series.timeliness"),
    ("meetings_held", "numbers.series.meetings"),
    ("plans_made", "numbers.series.plans"),
    ("outcomes", "numbers.series.outcomes"),
    ("caseload", "numbers.series.caseload"),
)


def day_lines(day) -> list[Text]:  # type: ignore[no-untyped-def]
    """Afbud apart from the jobcentre's cancellations, and the share in virksomhedsrettede tilbud."""
    if day is None:
        return []
    pct = "–" if day.business_pct is None else f"{day.business_pct:.0f} %"
    return [
        Text(t("numbers.afbud", afbud=day.afbud_12m, cancelled=day.cancelled_12m, no_show=day.no_show_12m)),
        Text(t("numbers.business", pct=pct, n=day.business_courses, total=day.active_courses, untyped=day.untyped_courses)),
    ]


class NumbersScreen(LoadingScreen["Numbers"]):
    shows = frozenset({"citizen", "meeting", "preparatory_plan", "supplier_course"})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="numbers.back"),
    ]

    def compose(self):  # type: ignore[no-untyped-def]
        yield TopBar()
        with VerticalScroll(id="numbers-body"):
            yield Static(t("numbers.title"), classes="section-title")
            yield Static(id="numbers-summary", classes="summary")
            yield Static(id="numbers-months", classes="section-title")
            for field, key in SERIES:
                with Horizontal(classes="chart-row"):
                    yield Static(id=f"label-{field}", classes="chart-label")
                    yield Sparkline([], id=f"chart-{field}")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one(TopBar).show(host(self).clock.today(), host(self).caseworker, host(self).read_only)
        super().on_mount()

    def fetch(self, store: Store) -> Numbers:
        return store.numbers()

    def show(self, n: Numbers) -> None:
        pct = "–" if n.timeliness_pct is None else f"{n.timeliness_pct:.0f} %"
        outcomes = ", ".join(f"{t('outcome.' + k)} {v}" for k, v in sorted(n.outcomes_12m.items())) or "–"
        norm = t("norm.over") if n.caseload > n.norm_high else t("norm.under") if n.caseload < n.norm_low else t("norm.within")
        self.query_one("#numbers-summary", Static).update(Text("\n").join([
            Text(t("numbers.caseload", n=n.caseload, low=n.norm_low, high=n.norm_high, word=norm)),
            Text(t("numbers.timeliness", pct=pct)),
            Text(t("numbers.plans", n=n.plans_made_12m)),
            Text(t("numbers.outcomes", list=outcomes)),
            *day_lines(n.day),
        ]))
        if n.months:
            first, last = n.months[0].month, n.months[-1].month
            self.query_one("#numbers-months", Static).update(
                t("numbers.months", first=f"{dates.month_label(first)} {first.year}", last=f"{dates.month_label(last)} {last.year}"))
        for field, key in SERIES:
            values = [getattr(m, field) for m in n.months]
            shown = [v if v is not None else 0 for v in values]
            if field == "timeliness_pct":
                # The chart's label is the 12-month figure the summary shows, so both agree.
                label = t("numbers.chart_12m", pct=pct)
            else:
                latest = values[-1] if values else None
                label = "–" if latest is None else str(latest)
            self.query_one(f"#label-{field}", Static).update(Text(f"{t(key)}: {label}"))
            self.query_one(f"#chart-{field}", Sparkline).data = shown

    def action_back(self) -> None:
        self.dismiss()
