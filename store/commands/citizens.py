"""Create, edit, set the interval of, and close a citizen's case."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.commands.base import Command, Context
from store.commands.checks import bump, fetch, not_after, one_of, text
from store.db.models import Citizen, CitizenFlag
from store.errors import Invalid
from store.parse import ParseError, parse_cpr
from store.records import OUTCOMES, PLACES
from store.rules import Interval

EDITABLE = ("name", "phone", "email", "address", "first_request", "interval", "preferred_place", "interpreter_language")


def _interval(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return str(Interval.parse(value))
    except ValueError as exc:
        raise Invalid("interval", str(exc), "interval.invalid", value=value) from exc


def _cpr(session: Session, value: str, own_id: int | None = None) -> str:
    try:
        cpr = parse_cpr(value).cpr
    except ParseError as exc:
        raise Invalid("cpr", exc.message, exc.code, **exc.params) from exc
    clash = session.scalar(select(Citizen.id).where(Citizen.cpr == cpr))
    if clash is not None and clash != own_id:
        raise Invalid("cpr", "a citizen with this CPR number already exists", "cpr.exists")
    return cpr


def create(
    session: Session,
    *,
    today: date,
    cpr: str,
    name: str,
    first_request: date,
    phone: str | None = None,
    email: str | None = None,
    address: str | None = None,
    interval: str | None = None,
    preferred_place: str | None = None,
    interpreter_language: str | None = None,
    caseworker: str | None = None,
) -> int:
    citizen = Citizen(
        cpr=_cpr(session, cpr),
        name=text("name", name, required=True, limit=200),
        first_request=not_after("first_request", first_request, today),
        phone=text("phone", phone, limit=40),
        email=text("email", email, limit=200),
        address=text("address", address, limit=500),
        interval=_interval(interval),
        preferred_place=one_of("preferred_place", preferred_place, PLACES) if preferred_place else None,
        interpreter_language=text("interpreter_language", interpreter_language, limit=60),
        caseworker=caseworker,
        status="active",
    )
    session.add(citizen)
    session.flush()
    return citizen.id


def edit(session: Session, *, citizen_id: int, today: date, expected_version: int | None = None, **changes: object) -> None:
    citizen = fetch(session, Citizen, citizen_id, expected_version)
    unknown = set(changes) - set(EDITABLE) - {"cpr"}
    if unknown:
        raise Invalid(sorted(unknown)[0], f"cannot edit {', '.join(sorted(unknown))}", "value.not_editable")
    if "cpr" in changes:
        citizen.cpr = _cpr(session, str(changes.pop("cpr")), citizen_id)
    if "name" in changes:
        citizen.name = cast(str, text("name", cast("str | None", changes.pop("name")), required=True, limit=200))
    if "first_request" in changes:
        citizen.first_request = not_after("first_request", changes.pop("first_request"), today)  # type: ignore[arg-type]
    if "interval" in changes:
        citizen.interval = _interval(changes.pop("interval"))  # type: ignore[arg-type]
    if "preferred_place" in changes:
        place = changes.pop("preferred_place")
        citizen.preferred_place = one_of("preferred_place", place, PLACES) if place else None  # type: ignore[arg-type]
    for key, value in changes.items():
        setattr(citizen, key, text(key, value, limit=500))  # type: ignore[arg-type]
    bump(citizen)


def set_interval(session: Session, *, citizen_id: int, interval: str | None) -> None:
    citizen = fetch(session, Citizen, citizen_id)
    citizen.interval = _interval(interval)
    bump(citizen)


def close(session: Session, *, citizen_id: int, outcome: str, closed_on: date, note: str | None = None) -> None:
    citizen = fetch(session, Citizen, citizen_id)
    citizen.outcome = one_of("outcome", outcome, OUTCOMES)
    citizen.closed_on = closed_on
    citizen.outcome_note = text("outcome_note", note)
    citizen.status = "closed"
    bump(citizen)


def reopen(session: Session, *, citizen_id: int) -> None:
    citizen = fetch(session, Citizen, citizen_id)
    citizen.status, citizen.outcome, citizen.closed_on = "active", None, None
    bump(citizen)


def add_flag(session: Session, *, citizen_id: int, text_: str, starts: date | None = None, ends: date | None = None) -> int:
    fetch(session, Citizen, citizen_id)
    if starts and ends and ends < starts:
        raise Invalid("ends", "the flag ends before it starts", "date.end_before_start")
    flag = CitizenFlag(citizen_id=citizen_id, text=text("text", text_, required=True, limit=500), starts=starts, ends=ends)
    session.add(flag)
    session.flush()
    return flag.id


def end_flag(session: Session, *, flag_id: int, ends: date) -> None:
    flag = fetch(session, CitizenFlag, flag_id)
    flag.ends = ends
    bump(flag)


# -- the commands ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CreateCitizen(Command[int]):
    """A new case for the store's caseworker; answers the citizen's id."""

    label: ClassVar[str] = "citizens.create"
    cpr: str
    name: str
    first_request: date
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    interval: str | None = None
    preferred_place: str | None = None
    interpreter_language: str | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        return create(session, today=ctx.today, caseworker=ctx.caseworker, cpr=self.cpr, name=self.name,
                      first_request=self.first_request, phone=self.phone, email=self.email, address=self.address,
                      interval=self.interval, preferred_place=self.preferred_place,
                      interpreter_language=self.interpreter_language)


@dataclass(frozen=True)
class EditCitizen(Command[None]):
    """Changes some of the EDITABLE fields (and the CPR number)."""

    label: ClassVar[str] = "citizens.edit"
    citizen_id: int
    changes: Mapping[str, Any] = field(default_factory=dict, hash=False)
    expected_version: int | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        edit(session, citizen_id=self.citizen_id, today=ctx.today, expected_version=self.expected_version,
             **self.changes)

    def shown(self) -> dict[str, Any]:
        return dict(self.changes)


@dataclass(frozen=True)
class SetInterval(Command[None]):
    label: ClassVar[str] = "citizens.set_interval"
    citizen_id: int
    interval: str | None

    def apply(self, session: Session, ctx: Context) -> None:
        set_interval(session, citizen_id=self.citizen_id, interval=self.interval)


@dataclass(frozen=True)
class CloseCase(Command[None]):
    label: ClassVar[str] = "citizens.close"
    citizen_id: int
    outcome: str
    closed_on: date
    note: str | None = None

    def apply(self, session: Session, ctx: Context) -> None:
        close(session, citizen_id=self.citizen_id, outcome=self.outcome, closed_on=self.closed_on, note=self.note)


@dataclass(frozen=True)
class ReopenCase(Command[None]):
    label: ClassVar[str] = "citizens.reopen"
    citizen_id: int

    def apply(self, session: Session, ctx: Context) -> None:
        reopen(session, citizen_id=self.citizen_id)


@dataclass(frozen=True)
class AddFlag(Command[int]):
    label: ClassVar[str] = "citizens.add_flag"
    citizen_id: int
    text_: str
    starts: date | None = None
    ends: date | None = None

    def apply(self, session: Session, ctx: Context) -> int:
        return add_flag(session, citizen_id=self.citizen_id, text_=self.text_, starts=self.starts, ends=self.ends)


@dataclass(frozen=True)
class EndFlag(Command[None]):
    label: ClassVar[str] = "citizens.end_flag"
    flag_id: int
    ends: date

    def apply(self, session: Session, ctx: Context) -> None:
        end_flag(session, flag_id=self.flag_id, ends=self.ends)
