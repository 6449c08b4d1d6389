"""`sagsdag delete-citizen CPR [--yes]`: the right to erasure. Without --yes it only says what
would go (the citizen and how many meetings, notes, ... ); with --yes it deletes, after writing
the access-log line."""

from __future__ import annotations

import argparse

from tui.cli.options import UsageError, add_common
from tui.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("delete-citizen", help=t("cli.help.delete_citizen"))
    p.add_argument("cpr", metavar=t("cli.metavar.cpr"), help=t("cli.help.delete_cpr"))
    p.add_argument("--yes", action="store_true", help=t("cli.help.delete_yes"))
    add_common(p, top=False)
    p.set_defaults(handler=run)


def run(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from store.commands.erasure import DeleteCitizen
    from store.privacy import mask_cprs_in
    from tui.cli.output import err, out
    from tui.erasure_words import confirmation, what_goes
    from tui.text import clean

    store = ctx.open_store()
    try:
        citizen_id = store.find_citizen_by_cpr(args.cpr)
        if citizen_id is None:
            raise UsageError(t("erase.not_found", cpr=mask_cprs_in(args.cpr)))
        found = store.erasure_preview(citizen_id)
        if not args.yes:
            err.print(confirmation(found, "erase.cli_confirm"), markup=False)
            return 1
        # Logged first: the trail may name an erasure that then failed, never miss one.
        store.log_access("delete_citizen", citizen_id=citizen_id)
        gone = store.execute(DeleteCitizen(citizen_id)).value
    finally:
        store.close()
    out.print(t("erase.done", name=clean(gone.name, limit=80), what=what_goes(gone)), markup=False)
    return 0
