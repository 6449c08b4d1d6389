"""`sagsdag due`: every open obligation of every active citizen due on or before a day
(default today + 14), overdue ones of any age included, worst first."""

from __future__ import annotations

import argparse
from datetime import timedelta

from rich.table import Table
from rich.text import Text

from tui.cli.options import add_common, parse_day
from tui.format import mask_cpr
from tui.i18n import t
from tui.i18n.dates import fmt_date
from tui.marks import STYLES, mark
from tui.obligations import booking_text, kind_label, reason_text
from tui.text import clean

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store's types, without importing it at start-up
    from store.obligations import Obligation

HORIZON_DAYS = 14
STATUS_WORDS = {"overdue": "overdue", "due_soon": "soon", "ok": "ok"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("due", help=t("cli.help.due"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json_table"))
    p.add_argument("--until", metavar=t("cli.metavar.day"), help=t("cli.help.due_until", days=HORIZON_DAYS))
    p.add_argument("--full-cpr", action="store_true", help=t("cli.help.full_cpr_recorded"))
    add_common(p, top=False)
    p.set_defaults(handler=run)


COLUMNS = ("status", "due", "days", "kind", "name", "cpr", "planned", "why")
NARROW_COLUMNS = ("status", "due", "kind", "name", "planned")
WIDE = 120
WRAPS = frozenset({"kind", "name", "planned", "why"})  # at word breaks; the rest never wrap
MIN_WIDTHS = {"name": 14, "kind": 10, "planned": 12}  # room for a whole name, a kind's word


def as_json(item: Obligation, full_cpr: bool) -> dict[str, Any]:
    cpr = (item.cpr if full_cpr else mask_cpr(item.cpr)) if item.cpr else None
    return {
        "cpr": cpr, "name": item.name, "kind": item.kind, "due": item.due.isoformat(), "days_left": item.days_left,
        "status": STATUS_WORDS[str(item.status)],
        "planned": item.planned.isoformat(timespec="minutes") if item.planned else None,
        "reason": reason_text(item),
    }


def run(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from tui.cli.output import out, print_json

    store = ctx.open_store()
    try:
        until = parse_day(args.until, "--until") if args.until else store.today() + timedelta(days=HORIZON_DAYS)
        items = store.obligations(until=until)
        if args.full_cpr:
            store.log_access("reveal_cpr", file="sagsdag due --full-cpr")
    finally:
        store.close()
    if args.json:
        print_json([as_json(item, args.full_cpr) for item in items])
        return 0
    table = Table(title=t("cli.due.title", until=fmt_date(until), today=fmt_date(store.today())), title_justify="left")
    # Below WIDE columns (80 when piped) every column was squeezed and the names to nothing:
    # leave out the days, the CPR and the reason, which `--json` and a wider terminal keep.
    keys = COLUMNS if out.width >= WIDE else NARROW_COLUMNS
    for key in keys:
        table.add_column(t(f"cli.due.col.{key}"), no_wrap=key not in WRAPS, overflow="fold",
                         min_width=MIN_WIDTHS.get(key))
    for item in items:
        style = STYLES[item.status]
        cells = {
            "status": Text(f"{mark(item.status)} {t('status.' + str(item.status))}", style=style),
            "due": Text(fmt_date(item.due)),
            "days": Text(str(item.days_left), style=style, justify="right"),
            "kind": Text(kind_label(item)),
            "name": Text(clean(item.name, limit=200)),
            "cpr": Text(mask_cpr(item.cpr) if item.cpr else "–"),
            "planned": Text(booking_text(item)),
            "why": Text(clean(reason_text(item), limit=400)),
        }
        table.add_row(*(cells[key] for key in keys))
    out.print(table)
    if not items:
        out.print(t("cli.due.empty"), markup=False)
    return 0
