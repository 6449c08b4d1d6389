"""`sagsdag deadlines`: every active citizen's next-meeting deadline, worst first."""

from __future__ import annotations

import argparse

from rich.table import Table
from rich.text import Text

from tui.cli.options import add_common, whole_number
from store.privacy import mask_cpr
from tui.i18n import t
from tui.i18n.dates import fmt_date, weekday
from tui.marks import STYLES, mark
from tui.obligations import meeting_reason_label
from tui.text import clean

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store's types, without importing it at start-up
    from store.queries.rows import DeadlineRow


WIDE = 100  # below this the reason column had no room


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("deadlines", help=t("cli.help.deadlines"))
    p.add_argument("--full-cpr", action="store_true",
                   help=t("cli.help.full_cpr_json"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json_table"))
    p.add_argument("--limit", type=whole_number, metavar=t("cli.metavar.n"), help=t("cli.help.limit"))
    add_common(p, top=False)
    p.set_defaults(handler=run)


def as_json(row: DeadlineRow, full_cpr: bool = False) -> dict[str, Any]:
    return {
        "cpr": row.cpr if full_cpr else mask_cpr(row.cpr), "name": row.name, "due": row.due.isoformat(), "days_left": row.days_left,
        "status": str(row.status), "reason": row.reason,
        "base": row.base.isoformat() if row.base else None, "paused_days": row.paused_days,
        "interval": row.interval,
    }


def run(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from tui.cli.output import err, out, print_json

    full = bool(args.json and getattr(args, "full_cpr", False))
    store = ctx.open_store()
    try:
        rows = store.deadlines(limit=args.limit)
        if full:  # logged before anything is printed: the log never misses a disclosure
            store.log_access("full_cpr", file="deadlines --json")
    finally:
        store.close()
    if args.json:
        print_json([as_json(r, full) for r in rows])
        if full:
            err.print(t("cli.full_cpr.warning"), markup=False)
        return 0
    table = Table(title=t("cli.deadlines.title", today=fmt_date(store.today())), title_justify="left")
    # A narrow terminal squeezes the reason, never the citizen's name; below WIDE columns (80
    # when piped) the reason had no room left at all and is left out (`--json` keeps it).
    keys = ("status", "due", "days", "name", "cpr", "why") if out.width >= WIDE else ("status", "due", "days", "name", "cpr")
    for key in keys:
        table.add_column(t(f"cli.deadlines.col.{key}"), no_wrap=key != "why", overflow="ellipsis")
    for r in rows:
        style = STYLES[r.status]
        table.add_row(
            Text(f"{mark(r.status)} {t('status.' + str(r.status))}", style=style),
            Text(f"{weekday(r.due, short=True)} {fmt_date(r.due)}"),
            Text(str(r.days_left), style=style, justify="right"),
            Text(clean(r.name, limit=200)),
            Text(mask_cpr(r.cpr)),
            *([Text(meeting_reason_label(r.reason, r.base or r.due)
                    + (t("cli.deadlines.paused", days=r.paused_days) if r.paused_days else ""))] if "why" in keys else []),
        )
    out.print(table)
    if not rows:
        out.print(t("cli.deadlines.empty"), markup=False)
    return 0

