"""An import problem (store.importers.problem.Problem) in the user's language. A plain string
(a problem the store has no code for yet) is shown as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from tui.i18n import t
from tui.i18n.catalog import has

if TYPE_CHECKING:  # the importers load with the command that uses them
    from store.importers.errors import ImportRefused
    from store.importers.problem import Problem


def say(problem: object) -> str:
    """A Problem (a str with a code and params), or any other value as its text."""
    code = getattr(problem, "code", None)
    key = f"import_problem.{code}"
    if code is None or not (has(key) or has(key, "da")):
        return str(problem)
    found = cast("Problem", problem)  # it has a code: a Problem (duck-typed, so the store loads late)
    params = {name: say(value) if hasattr(value, "code") else value for name, value in found.params.items()}
    return t(key, **params)


def refusal(exc: ImportRefused) -> str:
    """The whole refusal of a file: how many problems, what to do, the first ones."""
    from store.importers.errors import MAX_ERRORS, SHOWN_ERRORS

    errors = list(exc.errors)
    n = len(errors)
    count = t("import_problem.one") if n == 1 else t("import_problem.many", n=f"{n}{'+' if n >= MAX_ERRORS else ''}")
    lines = [t("import_problem.refused", count=count)]
    lines += [f"  - {say(e)}" for e in errors[:SHOWN_ERRORS]]
    if n > SHOWN_ERRORS:
        lines.append("  " + t("import_problem.more", n=n - SHOWN_ERRORS))
    return "\n".join(lines)
