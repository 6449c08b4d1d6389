"""The access log's part of `sagsdag check`: the chain, and the log held against the anchor
the database keeps (so a cut-off tail, a rebuilt chain or a deleted file are found)."""

from __future__ import annotations


def check_access_log(ctx) -> int:  # type: ignore[no-untyped-def]
    """Prints one sentence; 0 when intact, 1 when not."""
    from store import access_log
    from tui.cli.output import fail, out
    from tui.i18n import t
    from tui.access_problems import problem_text

    store = ctx.open_store()
    try:
        problems = store.access_log_problems()
    finally:
        store.close()
    path = str(access_log.log_path())
    if problems:
        return fail(t("cli.check.log_bad", file=path, problem="; ".join(problem_text(p) for p in problems[:3])), code=1)
    out.print(t("cli.check.log_ok", file=path), markup=False)
    return 0
