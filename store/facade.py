"""The one door the UI and the command line use. Every call opens its own session, runs one
query or one transaction, and hands back frozen records; nothing here keeps ORM state."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Collection
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select

from store import records
from store.clock import Clock
from store.commands.erasure import Erasure, find_by_cpr, preview
from store.convert import to_record
from store.db.models import Citizen
from store.errors import NotFound
from store.facade_obligations import ObligationReads
from store.facade_panes import PaneReads
from store.facade_writes import Writes
from store.db.session import reading
from store.opening import open_engine
from store.queries import agenda as agenda_q
from store.queries import caseload as caseload_q
from store.queries import deadlines as deadlines_q
from store.queries.rows import DeadlineRow
from store.obligations.paged import OrderKey

if TYPE_CHECKING:  # the access log loads when it is read
    from store.access_log import LogProblem


class Store(ObligationReads, PaneReads, Writes):
    def __init__(
        self, engine: Engine, *, clock: Clock | None = None, caseworker: str | None = None, read_only: bool = False
    ) -> None:
        self.engine = engine
        self.clock = clock or Clock()
        self.caseworker = caseworker
        self.read_only = read_only
        self.instance = uuid.uuid4().hex[:12]

    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str] | None,
        *,
        clock: Clock | None = None,
        caseworker: str | None = None,
        backup: Callable[[Engine, str], object] | None = None,
        progress: Callable[[int, int], None] | None = None,
        read_only: bool = False,
    ) -> Store:
        engine = open_engine(target, backup=backup, progress=progress, read_only=read_only)
        return cls(engine, clock=clock, caseworker=caseworker, read_only=read_only)

    def close(self) -> None:
        self.engine.dispose()

    def today(self) -> date:
        return self.clock.today()

    def log_access(self, action: str, *, citizen_id: int | None = None, file: str | None = None) -> None:
        """Reveals, exports, imports and restores go to the append-only access log, naming
        this database and the citizen's never-reused uid; the log's newest line is anchored
        in the database (not when read-only: a read-only open writes nothing)."""
        from store import access_log
        from store.access_anchor import database_id, write_anchor

        uid = None
        if citizen_id is not None:
            with reading(self.engine) as s:
                uid = s.scalar(select(Citizen.uid).where(Citizen.id == citizen_id))
        database = database_id(self.engine, create=not self.read_only) or self.where()
        anchor = None if self.read_only else (lambda n, head: write_anchor(self.engine, n, head))
        access_log.record(action, caseworker=self.caseworker, citizen_id=citizen_id, file=file,
                          database=database, citizen=uid, anchor=anchor)

    def where(self) -> str:
        """The database as a person can recognise it: the file, or the URL without password."""
        from store.privacy import mask_cprs_in

        url = self.engine.url
        text = url.database if url.get_backend_name() == "sqlite" and url.database else url.render_as_string(hide_password=True)
        return mask_cprs_in(str(text), birth_date=False)

    def access_log_problems(self) -> list[LogProblem]:
        """The log's chain, and the log held against this database's anchor."""
        from store import access_log
        from store.access_anchor import read_anchor

        problems = access_log.verify()
        anchor = read_anchor(self.engine)
        if anchor is not None:
            problems += access_log.verify_anchor(anchor.lines, anchor.head)
        return problems

    # -- reads -------------------------------------------------------------------------------

    def find_citizen_by_cpr(self, cpr: str) -> int | None:
        """The id of the citizen with this CPR number (any written form) in this caseload."""
        with reading(self.engine) as s:
            return find_by_cpr(s, cpr=cpr, caseworker=self.caseworker)

    def erasure_preview(self, citizen_id: int) -> Erasure:
        """What erasing this citizen would delete, counted, for the confirmation."""
        with reading(self.engine) as s:
            return preview(s, citizen_id=citizen_id, caseworker=self.caseworker)

    def caseworkers(self, *, limit: int = 4) -> list[str]:
        """Caseworkers who own citizens here (up to `limit`): two or more make a team database."""
        from store.queries.team import caseworkers

        with reading(self.engine) as s:
            return caseworkers(s, limit=limit)

    def citizen_record(self, citizen_id: int) -> records.Citizen:
        with reading(self.engine) as s:
            row = s.get(Citizen, citizen_id)
            if row is None:
                raise NotFound("citizen", citizen_id)
            return to_record(row, records.Citizen, flags=())

    def deadlines(
        self, *, search: str | None = None, limit: int | None = None, offset: int = 0, unbooked: bool = False,
        citizen_ids: Collection[int] | None = None,
    ) -> list[DeadlineRow]:
        """`unbooked`: only deadlines with no meeting booked on or before them. `citizen_ids`:
        only these citizens' rows."""
        with reading(self.engine) as s:
            return deadlines_q.meeting_deadlines(
                s, self.today(), caseworker=self.caseworker, search=search, limit=limit, offset=offset,
                unbooked=unbooked, citizen_ids=citizen_ids,
            )

    def count_deadlines(self, *, search: str | None = None, cap: int | None = None, unbooked: bool = False) -> int:
        with reading(self.engine) as s:
            return deadlines_q.count_deadlines(s, caseworker=self.caseworker, search=search, cap=cap,
                                               unbooked_on=self.today() if unbooked else None)

    def agenda(self, day: date | None = None, *, citizen_ids: Collection[int] | None = None) -> agenda_q.Agenda:
        """`citizen_ids`: only what these citizens contribute to the day."""
        with reading(self.engine) as s:
            return agenda_q.agenda(s, day or self.today(), self.today(), caseworker=self.caseworker,
                                   citizen_ids=citizen_ids)

    def warm_saves(self) -> None:
        """Run, for no citizen, the reads that refresh the panes after a save (one citizen's
        part of the day, their caseload row and deadline): SQLAlchemy compiles a statement the
        first time it runs (about 30 ms for these), so the first save then costs what every
        later one does. Reads no rows."""
        with reading(self.engine) as s:
            agenda_q.agenda(s, self.today(), self.today(), caseworker=self.caseworker, citizen_ids=())
            caseload_q.caseload(s, self.today(), caseworker=self.caseworker, citizen_ids=())
            deadlines_q.meeting_deadlines(s, self.today(), caseworker=self.caseworker, citizen_ids=())
            # The totals the caseload and deadline panes say after a save (a page shorter than
            # the limit read no total before it).
            caseload_q.count_caseload(s, caseworker=self.caseworker)
            deadlines_q.count_deadlines(s, caseworker=self.caseworker)

    def agenda_page(self, *, after: OrderKey | None = None, limit: int, rest: bool = False) -> agenda_q.AgendaPage:
        """Today, a page at a time: the overdue obligations after `after` (an order key), and
        the rest of the day once the page gets there (or when `rest`)."""
        with reading(self.engine) as s:
            return agenda_q.agenda_page(s, self.today(), caseworker=self.caseworker, after=after, limit=limit,
                                        rest=rest)
