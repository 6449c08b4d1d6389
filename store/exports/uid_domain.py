"""The right-hand side of every calendar UID, one per database.

A calendar program recognises "the same meeting" by its UID alone, so it must survive every
export of this database, and must never collide with another caseworker's database that
happens to number its meetings the same way: a random value, made once and kept in Meta."""

from __future__ import annotations

import secrets

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from store.db.models import Meta
from store.db.session import reading, writing

KEY = "ics_uid_domain"


def uid_domain(engine: Engine) -> str:
    with reading(engine) as s:
        row = s.get(Meta, KEY)
        if row is not None:
            return row.value
    try:
        with writing(engine) as s:
            # Looked up again inside the write transaction: another process may have won.
            row = s.get(Meta, KEY)
            if row is None:
                row = Meta(key=KEY, value=f"{secrets.token_hex(10)}.sagsdag")
                s.add(row)
            return row.value
    except IntegrityError:
        # PostgreSQL has no BEGIN IMMEDIATE: a concurrent first export inserted it first.
        with reading(engine) as s:
            return s.get(Meta, KEY).value  # type: ignore[union-attr]
