"""Opening the Textual app (imported only when needed, so other commands start fast)."""

from __future__ import annotations


def open_app(ctx) -> int:  # type: ignore[no-untyped-def]
    from tui.app import SagsdagApp

    app = SagsdagApp(db=ctx.db, clock=ctx.clock, caseworker=ctx.caseworker, language=ctx.lang)
    app.run()
    return app.return_code or 0
