"""Turns parsed options into a Store and runs the chosen command, mapping every expected
failure to one sentence on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.clock import Clock
from store.errors import CorruptDatabase, Invalid, StoreError
from tui.cli.options import UsageError, parse_day
from tui.cli.output import fail

if TYPE_CHECKING:  # the store's facade imports SQLAlchemy: only when a command opens it
    from store.facade import Store


@dataclass(frozen=True)
class Context:
    db: str | None
    clock: Clock
    lang: str
    caseworker: str | None
    read_only: bool = False

    def open_store(self, progress: Callable[[int, int], None] | None = None) -> Store:
        """Team mode: a database that holds several caseworkers' caseloads is opened only for
        a named one (--caseworker or the config), so no command, export or window shows or
        writes everybody's citizens by accident."""
        from store.facade import Store
        from tui.i18n import t

        store = Store.open(self.db, clock=self.clock, caseworker=self.caseworker, progress=progress,
                           read_only=self.read_only)
        if self.caseworker is None:
            names = store.caseworkers(limit=4)
            if len(names) > 1:
                store.close()
                shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
                raise UsageError(t("team.choose_caseworker", names=shown))
        return store


def make_context(args: argparse.Namespace) -> Context:
    from tui.config import load_config
    from tui.i18n import set_language

    config = load_config()
    today = getattr(args, "today", None)
    lang = getattr(args, "lang", None) or config.language
    set_language(lang)
    return Context(
        db=getattr(args, "db", None) or config.database,
        clock=Clock(parse_day(today) if today else None),
        lang=lang,
        caseworker=getattr(args, "caseworker", None) or config.caseworker,
        read_only=bool(getattr(args, "read_only", False)),
    )


WRITING_COMMANDS = ("demo", "import", "restore", "backup", "delete-citizen")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    # ImportRefused and ParseError are matched inside the handlers of their base classes:
    # importing them up front (store.importers with CPR masking, store.parse with every
    # parser's patterns) put ~7 ms in front of the program's first frame (issue 15).
    ctx = make_context(args)
    handler = getattr(args, "handler", None)
    try:
        if ctx.read_only and getattr(args, "command", None) in WRITING_COMMANDS:
            from store.errors import ReadOnly

            from tui.i18n import t

            raise ReadOnly(ctx.db or t("cli.usage.the_database"))
        if handler is None:
            from tui.cli.commands.open_app import open_app

            return open_app(ctx)
        result: int = handler(ctx, args)
        return result
    except CorruptDatabase as exc:
        from tui.cli.commands.safety import unusable

        return unusable(ctx, exc)
    except Invalid as exc:
        # A domain rule the forms name as `invalid.<code>`; the same sentence here.
        from tui.errors import store_text
        from tui.i18n import t
        from tui.i18n.catalog import has

        key = "invalid." + exc.code
        return fail(t(key, **exc.params) if has(key) or has(key, "da") else store_text(exc))
    except StoreError as exc:
        from store.importers.errors import ImportRefused

        if isinstance(exc, ImportRefused):
            from tui.problems import refusal

            return fail(refusal(exc))
        from tui.errors import store_text

        return fail(store_text(exc))
    except ValueError as exc:
        from store.parse import ParseError

        if not isinstance(exc, ParseError):
            raise
        from tui.i18n import t
        from tui.i18n.catalog import has

        key = "parse." + exc.code
        return fail(t(key, **exc.params) if has(key) or has(key, "da") else str(exc))
    except PermissionError as exc:
        from tui.i18n import t

        # strerror is the operating system's own text, in its language; the sentence is ours.
        return fail(t("cli.usage.no_permission", path=exc.filename or t("cli.usage.the_file"), reason=exc.strerror))
    except OSError as exc:
        from tui.i18n import t

        return fail(t("cli.usage.os_error", reason=exc.strerror or exc, path=exc.filename or ""))
