"""`sagsdag agenda`: one day's meetings and everything due that day."""

from __future__ import annotations

import argparse

from rich.table import Table
from rich.text import Text

from tui.cli.options import add_common, parse_day
from store.privacy import mask_cpr
from tui.i18n import t
from tui.i18n.dates import fmt_date, fmt_day, fmt_time
from tui.marks import STYLES, mark
from tui.obligations import booking_text, kind_label, reason_text
from tui.text import clean

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store's types, without importing it at start-up
    from collections.abc import Callable

    from store.obligations import Obligation
    from store.queries.agenda import Agenda


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("agenda", help=t("cli.help.agenda"))
    p.add_argument("--date", metavar=t("cli.metavar.day"), help=t("cli.help.agenda_date"))
    p.add_argument("--full-cpr", action="store_true",
                   help=t("cli.help.full_cpr_json"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json_tables"))
    add_common(p, top=False)
    p.set_defaults(handler=run)


def as_json(agenda: Agenda, full_cpr: bool = False) -> dict[str, Any]:
    def cpr(value: str) -> str:
        return value if full_cpr else mask_cpr(value)

    return {
        "date": agenda.day.isoformat(),
        "meetings": [
            {
                "start": m.start.isoformat(timespec="minutes"), "minutes": m.minutes, "place": m.place,
                "kind": m.kind, "status": m.status, "prepared": m.prepared, "cpr": cpr(m.cpr), "name": m.citizen_name,
            }
            for m in agenda.meetings
        ],
        "overdue": [_item(d, cpr) for d in agenda.overdue],
        "due": [_item(d, cpr) for d in agenda.due],
    }


def _item(d: Obligation, cpr: Callable[[str], str]) -> dict[str, Any]:
    return {"kind": d.kind, "cpr": cpr(d.cpr) if d.cpr else None, "name": d.name, "due": d.due.isoformat(), "days_left": d.days_left,
            "status": str(d.status), "detail": reason_text(d),
            "planned": d.planned.isoformat(timespec="minutes") if d.planned else None}


def run(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from tui.cli.output import err, out, print_json

    day = parse_day(args.date, "--date") if args.date else None
    full = bool(args.json and getattr(args, "full_cpr", False))
    store = ctx.open_store()
    try:
        agenda = store.agenda(day)
        if full:  # logged before anything is printed: the log never misses a disclosure
            store.log_access("full_cpr", file="agenda --json")
    finally:
        store.close()
    if args.json:
        print_json(as_json(agenda, full))
        if full:
            err.print(t("cli.full_cpr.warning"), markup=False)
        return 0
    meetings = Table(title=t("cli.agenda.meetings", day=fmt_day(agenda.day)), title_justify="left")
    for key in ("time", "minutes", "place", "name", "cpr", "prepared", "status"):
        meetings.add_column(t(f"cli.agenda.col.{key}"), no_wrap=key != "name")
    for m in agenda.meetings:
        meetings.add_row(
            fmt_time(m.start), str(m.minutes), t(f"place.{m.place}"), Text(clean(m.citizen_name, limit=200)), mask_cpr(m.cpr),
            "✓" if m.prepared else t("cli.agenda.not_prepared"), t(f"meeting_status.{m.status}"),
        )
    if agenda.overdue:  # above the day's items, until done
        out.print(_table(t("cli.due.overdue_title"), agenda.overdue))
    out.print(meetings)
    out.print(_table(t("cli.agenda.due", day=fmt_date(agenda.day)), agenda.due))
    return 0


def _table(title: str, items) -> Table:  # type: ignore[no-untyped-def]
    table = Table(title=title, title_justify="left")
    for key in ("status", "what", "name", "cpr", "detail"):
        table.add_column(t(f"cli.agenda.col.{key}"))
    for d in items:
        detail = reason_text(d) + (f" · {booking_text(d)}" if d.meeting_kind else "")
        table.add_row(
            Text(f"{mark(d.status)} {t('status.' + str(d.status))} {fmt_date(d.due)}", style=STYLES[d.status]),
            kind_label(d), Text(clean(d.name, limit=200)), mask_cpr(d.cpr) if d.cpr else "–",
            Text(clean(detail, limit=300)),
        )
    return table
