"""`sagsdag demo`: a fictional caseload to try the program on."""

from __future__ import annotations

import argparse

from tui.cli.options import UsageError, add_common, whole_number
from tui.i18n import t

DEMO_FLAG = "demo"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help=t("cli.help.demo"))
    p.add_argument("--citizens", type=whole_number, default=48, metavar=t("cli.metavar.n"), help=t("cli.help.demo_citizens"))
    p.add_argument("--seed", type=whole_number, default=1, metavar=t("cli.metavar.s"), help=t("cli.help.demo_seed"))
    add_common(p, top=False)
    p.set_defaults(handler=run)


def run(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    if not 1 <= args.citizens <= 50_000:
        raise UsageError(t("cli.usage.citizens_range", n=args.citizens))
    from tui.cli.demo_target import prepare_demo_target

    prepare_demo_target(ctx)
    from store.demo import generate
    from store.db.session import writing
    from store.db.models import Meta
    from tui.cli.output import out, progress

    with progress(t("cli.demo.progress")) as step:
        store = ctx.open_store()
        try:
            summary = generate(store.engine, citizens=args.citizens, seed=args.seed, today=store.today(), progress=step,
                               caseworker=ctx.caseworker)
            with writing(store.engine) as s:
                s.merge(Meta(key=DEMO_FLAG, value="1"))
        finally:
            store.close()
    out.print(t("cli.demo.done", citizens=summary.citizens, where=ctx.db or _default()), markup=False)
    return 0


def _default() -> str:
    from store.db.engine import default_db_path

    return str(default_db_path())
