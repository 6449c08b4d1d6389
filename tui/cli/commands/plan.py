"""`sagsdag plan`: proposals for the coming weeks, and with --accept, into the calendar."""

from __future__ import annotations

import argparse

from rich import box
from rich.table import Table
from rich.text import Text

from tui.cli.options import UsageError, add_common, parse_day, whole_number
from tui.format import mask_cpr
from tui.i18n import t
from tui.i18n.dates import fmt_date, fmt_short_date, fmt_time, weekday
from tui.plan_words import kind_text, why_text
from tui.text import clean

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store's types, without importing it at start-up
    from store.planning.model import Proposal, Unplaced


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("plan", help=t("cli.help.plan"))
    p.add_argument("--from", dest="start", metavar=t("cli.metavar.date"), help=t("cli.help.plan_from"))
    p.add_argument("--weeks", type=whole_number, default=2, metavar=t("cli.metavar.n"), help=t("cli.help.plan_weeks"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json_tables"))
    p.add_argument("--accept", action="store_true", help=t("cli.help.plan_accept"))
    p.add_argument("--full-cpr", action="store_true", help=t("cli.help.full_cpr_logged"))
    add_common(p, top=False)
    p.set_defaults(handler=run)


# What must never be cut short in an 80-column terminal; the words give way first.
WIDTHS = {"time": 15, "minutes": 3, "cpr": 11, "deadline": 8}
MAX_WIDTHS = {"citizen": 18, "place": 10, "kind": 14}


def _cpr(cpr: str, full: bool) -> str:
    return cpr if full else mask_cpr(cpr)


def proposal_json(p: Proposal, full: bool) -> dict[str, Any]:
    return {
        "cpr": _cpr(p.need.cpr, full), "name": p.need.name, "start": p.start.strftime("%Y-%m-%dT%H:%M"),
        "minutes": p.minutes, "place": p.place, "kind": p.need.kind, "deadline": p.need.deadline.isoformat(),
    }


def unplaced_json(u: Unplaced, full: bool) -> dict[str, Any]:
    return {
        "cpr": _cpr(u.need.cpr, full), "name": u.need.name, "kind": u.need.kind,
        "deadline": u.need.deadline.isoformat(), "why": why_text(u.why),
    }


def run(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.commands.planning import AcceptPlan
    from store.planning.service import plan_for
    from tui.cli.output import out, print_json
    from tui.config import load_config

    if not 1 <= args.weeks <= 12:
        raise UsageError(t("cli.plan.bad_weeks"))
    first = parse_day(args.start, "--from") if args.start else None
    store = ctx.open_store()
    try:
        plan = plan_for(store, first=first, weeks=args.weeks, settings=load_config().plan)
        written: tuple[int, ...] = ()
        if args.accept and plan.proposals:
            written = store.execute(AcceptPlan(plan.proposals)).value
        if args.full_cpr:
            store.log_access("reveal_cpr")
    finally:
        store.close()
    if args.json:
        data: dict[str, Any] = {
            "proposals": [proposal_json(p, args.full_cpr) for p in plan.proposals],
            "unplaced": [unplaced_json(u, args.full_cpr) for u in plan.unplaced],
        }
        if args.accept:
            data["written"] = list(written)
        print_json(data)
        return 0
    if args.accept:
        out.print(t("cli.plan.wrote", n=len(written)), markup=False)
    table = Table(title=t("cli.plan.title", first=fmt_date(plan.first_day), last=fmt_date(plan.last_day)),
                  title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for key in ("time", "citizen", "deadline", "cpr", "minutes", "place", "kind"):
        # A narrow terminal wraps the words, never the time or the citizen's name.
        table.add_column(t(f"plan.col.{key}"), no_wrap=True, overflow="ellipsis",
                         min_width=WIDTHS.get(key), max_width=MAX_WIDTHS.get(key))
    for p in plan.proposals:
        when = f"{weekday(p.start.date(), short=True)} {fmt_short_date(p.start.date())} {fmt_time(p.start)}"
        deadline = ("! " if p.late else "") + fmt_short_date(p.need.deadline)
        table.add_row(
            Text(when), Text(clean(p.need.name, limit=200)), Text(deadline, style="bold" if p.late else ""),
            Text(_cpr(p.need.cpr, args.full_cpr)), Text(str(p.minutes), justify="right"),
            Text(t(f"place.{p.place}")), Text(kind_text(p.need.kind)),
        )
    out.print(table)
    if not plan.proposals:
        out.print(t("cli.plan.empty"), markup=False)
    if plan.unplaced:
        left = Table(title=t("cli.plan.unplaced"), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                     collapse_padding=True)
        for key in ("citizen", "deadline", "why", "cpr", "kind"):
            left.add_column(t(f"plan.col.{key}"), no_wrap=key != "why", overflow="ellipsis",
                            min_width=WIDTHS.get(key), max_width=MAX_WIDTHS.get(key))
        for u in plan.unplaced:
            left.add_row(Text(clean(u.need.name, limit=200)), Text(fmt_short_date(u.need.deadline)),
                         Text(why_text(u.why)), Text(_cpr(u.need.cpr, args.full_cpr)), Text(kind_text(u.need.kind)))
        out.print(left)
    return 0
