"""Reads behind the panes and screens: caseload, certificates, courses, the citizen file and
its red thread, case sparring and my numbers. Mixed into Store; each call opens its own
session and hands back frozen rows, like the reads in facade.py."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import Engine

from store import records
from store.db.session import reading
from store.queries import caseload as caseload_q
from store.queries import citizen_file as file_q
from store.queries import courses as courses_q
from store.queries import doctors as doctors_q
from store.queries import numbers as numbers_q
from store.queries import search as search_q
from store.queries import sparring as sparring_q
from store.queries import timeline as timeline_q
from store.queries.rows import CaseloadRow, CourseRow, DoctorRow
from store.queries.screen_rows import Numbers, SparringRow, TimelineEntry


class PaneReads:
    engine: Engine
    caseworker: str | None

    def today(self) -> date:  # provided by Store
        raise NotImplementedError

    def caseload(
        self, *, search: str | None = None, limit: int | None = None, offset: int = 0,
        citizen_ids: Collection[int] | None = None,
    ) -> list[CaseloadRow]:
        """`citizen_ids`: only these citizens' rows (a save that touched them)."""
        with reading(self.engine) as s:
            return caseload_q.caseload(
                s, self.today(), caseworker=self.caseworker, search=search, limit=limit, offset=offset,
                citizen_ids=citizen_ids,
            )

    def citizens_matching(self, search: str) -> frozenset[int]:
        """The caseworker's citizens a pane filter matches (name or CPR, as every pane's)."""
        with reading(self.engine) as s:
            return search_q.matching_citizens(s, search, caseworker=self.caseworker)

    def count_caseload(self, *, search: str | None = None, cap: int | None = None) -> int:
        with reading(self.engine) as s:
            return caseload_q.count_caseload(s, caseworker=self.caseworker, search=search, cap=cap)

    def doctor_requests(self, *, search: str | None = None, limit: int | None = None, offset: int = 0) -> list[DoctorRow]:
        with reading(self.engine) as s:
            return doctors_q.doctor_requests(
                s, self.today(), caseworker=self.caseworker, search=search, limit=limit, offset=offset
            )

    def count_doctor_requests(self, *, search: str | None = None) -> int:
        with reading(self.engine) as s:
            return doctors_q.count_doctor_requests(s, caseworker=self.caseworker, search=search)

    def courses_needing_followup(
        self, *, search: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[CourseRow]:
        with reading(self.engine) as s:
            return courses_q.courses_needing_followup(
                s, self.today(), caseworker=self.caseworker, search=search, limit=limit, offset=offset
            )

    def count_courses(self, *, search: str | None = None) -> int:
        with reading(self.engine) as s:
            return courses_q.count_courses(s, self.today(), caseworker=self.caseworker, search=search)

    def citizen_file(self, citizen_id: int) -> records.CitizenFile:
        with reading(self.engine) as s:
            return file_q.citizen_file(s, citizen_id, self.today())

    def timeline(self, citizen_id: int) -> list[TimelineEntry]:
        with reading(self.engine) as s:
            return timeline_q.timeline(s, citizen_id, self.today())

    def sparring(self, *, days: int | None = None, limit: int | None = None) -> list[SparringRow]:
        with reading(self.engine) as s:
            return sparring_q.sparring(s, self.today(), days=days, caseworker=self.caseworker, limit=limit)

    def numbers(self) -> Numbers:
        with reading(self.engine) as s:
            return numbers_q.numbers(s, self.today(), caseworker=self.caseworker)
