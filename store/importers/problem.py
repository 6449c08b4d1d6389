"""A problem found in an import file, as text *and* as a code with parameters.

The text is the English sentence (logs, tests, anything that only wants a string); the code
and parameters let the interface say the same thing in the user's language (the catalog's
`import_problem.<code>` table). Parameters may themselves be Problems (the reason inside a
"row 5, column cpr: …" line)."""

from __future__ import annotations

from typing import Any

from store.privacy import mask_cprs_in


class Problem(str):
    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, text: str, **params: Any) -> Problem:
        made = super().__new__(cls, text)
        made.code = code
        made.params = params
        return made


def at_cell(row: int, column: str, reason: str) -> Problem:
    return Problem("cell", f"row {row}, column {column}: {reason}", row=row, column=column, reason=reason)


def masked(problem: str) -> str:
    """The same problem with every CPR-shaped value masked, in its text and its parameters, so
    neither the English line nor the translated one can echo a full CPR number."""
    if not isinstance(problem, Problem):
        return mask_cprs_in(problem)
    params = {k: masked(v) if isinstance(v, str) else v for k, v in problem.params.items()}
    return Problem(problem.code, mask_cprs_in(str(problem)), **params)
