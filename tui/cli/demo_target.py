"""Where `sagsdag demo` may write: an empty database, or one that holds only an earlier demo
(which is replaced). A database with real data is refused and never touched."""

from __future__ import annotations

import os

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db.engine import make_engine, sqlite_path, to_url
from tui.cli.options import UsageError

DEMO_FLAG = "demo"


def prepare_demo_target(ctx) -> None:  # type: ignore[no-untyped-def]
    from store.db.models import Citizen, Meta
    from store.db.schema import schema_state

    url = to_url(ctx.db)
    path = sqlite_path(url)
    if path is not None:
        # Look before opening: opening would switch another program's file to WAL.
        from store.db.recognise import recognise
        from store.opening import refuse_unusable

        refuse_unusable(path, recognise(path))
    engine = make_engine(url)
    try:
        state = schema_state(engine)
        if state in ("empty",):
            return
        with Session(engine) as s:
            try:
                has_citizens = s.scalar(select(Citizen.id).limit(1)) is not None
                is_demo = s.scalar(select(Meta.value).where(Meta.key == DEMO_FLAG)) == "1"
            except Exception:
                has_citizens, is_demo = True, False
    finally:
        engine.dispose()
    if not has_citizens:
        return
    if not is_demo or path is None:
        raise UsageError(
            f"{path or url} already holds a caseload, and the demo never writes over real data. "
            "Give the demo its own file, e.g. `sagsdag demo --db demo.db`."
        )
    for suffix in ("", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            os.remove(candidate)
