"""An import problem (store.importers.problem.Problem) in the user's language. A plain string
(a problem the store has no code for yet) is shown as it is."""

from __future__ import annotations

from typing import Any

from tui.i18n import t
from tui.i18n.catalog import has


def say(problem: Any) -> str:
    code = getattr(problem, "code", None)
    key = f"import_problem.{code}"
    if code is None or not (has(key) or has(key, "da")):
        return str(problem)
    params = {name: say(value) if hasattr(value, "code") else value for name, value in problem.params.items()}
    return t(key, **params)


def refusal(exc: Any) -> str:
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
