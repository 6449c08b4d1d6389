"""One module per command; each registers its own subparser. The package imports none of them
by itself: opening the program (open_app, also in here) needs no other command, and their
modules (tables, exports, rules) cost ~60 ms before the first frame (issue 15)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

Register = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def registry() -> tuple[Register, ...]:
    """Every command's `register`, in the order `sagsdag --help` lists them."""
    from tui.cli.commands import agenda, deadlines, demo, due, erasing, exporting, importing, plan, safety

    return (
        demo.register, deadlines.register, due.register, agenda.register, importing.register, exporting.register,
        safety.register, plan.register, erasing.register,
    )
