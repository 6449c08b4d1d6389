"""What is wrong with the access log, in the reader's language: shared by `sagsdag check` and
the access-log screen (no Textual here: the command line must not load the app's screens)."""

from __future__ import annotations

from tui.i18n import t


def problem_text(problem) -> str:  # type: ignore[no-untyped-def]
    """One store.access_log.LogProblem as a sentence fragment."""
    return t(f"access_log.problem.{problem.code}", line=problem.line, expected=problem.expected)
