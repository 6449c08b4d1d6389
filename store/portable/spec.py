"""The portable format, declared once: key order, types, allowed values and where each key
lives in the database. Export, validation, import and the field tables in docs/formats.md all
follow this, so they cannot drift apart.

Derived columns (next_due, due_*, rules_stamp, next_report_due, next_three_party_due) are not
part of the format: they depend on the rule profiles of the program that reads the file, and
are recomputed on import. Database ids, created/updated times and edit counters are left out
too: they differ between databases and would break export -> import -> export identity."""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass

from sqlalchemy import String

from store.db.models import (
    Absence, CaseNote, Citizen, CitizenFlag, ContactEntry, DoctorRequest, Hearing, Meeting, NetworkPerson,
    PlanItem, PreparatoryPlan, ProgressReport, Supplier, SupplierCourse, Task,
)
from store.db.models.workflows import CourseAbsence, HearingContact, SparringNote
from store.rules import load_profiles
from store.records import (
    ABSENCE_KINDS, CHANNELS, CITIZEN_STATUSES, COURSE_STATUSES, DIRECTIONS, DOCTOR_STATUSES, HEARING_OUTCOMES,
    MEETING_KINDS, MEETING_STATUSES, NETWORK_ROLES, OUTCOMES, PLACES, RECOMMENDATIONS,
)
from store.records import (
    COURSE_ABSENCE_OUTCOMES, COURSE_TYPES, HEARING_RULES, INVITE_CHANNELS,
)

FORMAT = "sagsdag"
VERSION = 2
# Every version this program reads. Version 2 only added keys that may be left out and new
# allowed values, so a version 1 file reads as a version 2 file without those keys.
READABLE_VERSIONS = (1, 2)
# The plan statuses the write commands use (store.commands.plans); records.py has no tuple.
PLAN_STATUSES = ("open", "decided")

# Kinds of value. "ref" points at another record by a natural key: an index into one of the
# same citizen's lists, or a supplier's name.
KINDS = ("text", "cpr", "date", "datetime", "int", "bool", "enum", "interval", "list", "ref")


@dataclass(frozen=True)
class Field:
    key: str
    kind: str
    nullable: bool = False
    column: str | None = None  # the ORM attribute, when it is not `key`
    choices: tuple[str, ...] = ()
    item: Entity | None = None  # what a "list" holds
    target: str | None = None  # what a "ref" points at: "courses", "meetings" or "suppliers"
    low: int | None = None
    high: int | None = None
    nonblank: bool = False  # names that other records or people find the record by
    doc: str = ""

    @property
    def attr(self) -> str:
        return self.column or self.key

    @property
    def optional(self) -> bool:
        """Keys that may be left out of a hand-written file: they mean null or an empty list."""
        return self.nullable or self.kind == "list"


@dataclass(frozen=True)
class Entity:
    name: str
    model: type[Any]  # a mapped class; its columns are looked up by name
    fields: tuple[Field, ...]
    parent: str | None = None  # the foreign key to the record that lists this one
    order: tuple[str, ...] = ("id",)  # within the parent; always ends in id, a total order

    def max_length(self, field: Field) -> int | None:
        """String(n) columns: PostgreSQL refuses longer values, so the importer must first."""
        column = self.model.__table__.columns.get(field.attr)
        return column.type.length if column is not None and isinstance(column.type, String) else None


def text(key: str, *, null: bool = False, nonblank: bool = False, column: str | None = None, doc: str = "") -> Field:
    return Field(key, "text", nullable=null, nonblank=nonblank, column=column, doc=doc)


def day(key: str, *, null: bool = False, column: str | None = None, doc: str = "") -> Field:
    return Field(key, "date", nullable=null, column=column, doc=doc)


def enum(key: str, choices: tuple[str, ...], *, null: bool = False, doc: str = "") -> Field:
    return Field(key, "enum", nullable=null, choices=choices, doc=doc)


FLAG = Entity("flag", CitizenFlag, parent="citizen_id", fields=(
    text("text", doc="a standing instruction, e.g. \"anxiety: meet at home\""),
    day("starts", null=True), day("ends", null=True),
))

MEETING = Entity("meeting", Meeting, parent="citizen_id", order=("start", "id"), fields=(
    Field("start", "datetime"),
    Field("minutes", "int", low=1, high=1440),
    enum("place", PLACES),
    text("place_detail", null=True),
    enum("kind", MEETING_KINDS),
    enum("status", MEETING_STATUSES, doc="only held meetings move the next-meeting deadline"),
    Field("prepared", "bool"),
    text("preparation_note", null=True),
    text("summary", null=True),
    text("agreement", null=True),
    Field("absence_accepted", "bool"),
    Field("course", "ref", nullable=True, column="course_id", target="courses",
          doc="index (from 0) into this citizen's `courses`"),
    day("invited_on", null=True, doc="v2: the day the indkaldelse was sent"),
    enum("invited_via", INVITE_CHANNELS, null=True, doc="v2: how the citizen was called in"),
))

CONTACT = Entity("contact", ContactEntry, parent="citizen_id", order=("at", "id"), fields=(
    Field("at", "datetime"),
    enum("channel", CHANNELS),
    enum("direction", DIRECTIONS),
    Field("reached", "bool"),
    text("note", null=True),
))

ABSENCE = Entity("absence", Absence, parent="citizen_id", order=("first_day", "id"), fields=(
    enum("kind", ABSENCE_KINDS),
    day("start", column="first_day", doc="first day, inclusive"),
    day("end", column="last_day", doc="last day, inclusive; not before start"),
    text("note", null=True),
))

DOCTOR_REQUEST = Entity("doctor request", DoctorRequest, parent="citizen_id", order=("sent", "id"), fields=(
    text("form", doc="e.g. LÆ 125, LÆ 265"),
    text("doctor"),
    text("questions", null=True),
    day("sent"),
    day("consultation", null=True),
    day("answer_due", doc="kept as stored: a caseworker may have set it by hand"),
    day("answered", null=True),
    text("answer_use", null=True),
    enum("status", DOCTOR_STATUSES),
    Field("reminders", "int", low=0, high=1000),
    day("last_reminder", null=True),
))

REPORT = Entity("progress report", ProgressReport, parent="course_id", order=("received", "id"), fields=(
    day("expected", null=True),
    day("received"),
    day("read_on", null=True),
    text("summary", null=True),
))

COURSE = Entity("course", SupplierCourse, parent="citizen_id", order=("start", "id"), fields=(
    Field("supplier", "ref", column="supplier_id", target="suppliers", doc="a `name` from the top-level `suppliers`"),
    text("title"),
    text("purpose", null=True),
    text("plan", null=True),
    day("start"),
    day("end", doc="not before start"),
    Field("report_cadence", "interval"),
    Field("three_party_interval", "interval", nullable=True),
    day("last_three_party", null=True),
    enum("status", COURSE_STATUSES),
    text("next_step", null=True),
    text("stop_reason", null=True),
    Field("reports", "list", item=REPORT),
    enum("course_type", COURSE_TYPES, null=True, doc="v2: praktik and loentilskud are virksomhedsrettede"),
))

def checklist_keys() -> tuple[str, ...]:
    """Every checklist item any rule profile defines: the checklist is profile data, so a file
    from a plan opened under any profile imports."""
    keys = (item.key for profile in load_profiles() for item in profile.rehab_checklist)
    return tuple(dict.fromkeys(keys))


PLAN_ITEM = Entity("plan item", PlanItem, parent="plan_id", order=("position", "id"), fields=(
    enum("key", checklist_keys(), doc="v2 adds citizen_wishes"),
    Field("position", "int", low=0, high=10_000),
    Field("done", "bool"),
    day("done_on", null=True),
    text("note", null=True),
))

PLAN = Entity("preparatory plan", PreparatoryPlan, parent="citizen_id", fields=(
    day("team_meeting", null=True),
    enum("recommendation", RECOMMENDATIONS, null=True),
    text("decision", null=True),
    day("decided_on", null=True),
    enum("status", PLAN_STATUSES),
    Field("items", "list", item=PLAN_ITEM),
))

NETWORK = Entity("network person", NetworkPerson, parent="citizen_id", fields=(
    enum("role", NETWORK_ROLES),
    text("name"),
    text("organisation", null=True),
    text("contact", null=True),
    day("starts", null=True),
    day("ends", null=True),
))

NOTE = Entity("note", CaseNote, parent="citizen_id", order=("at", "id"), fields=(
    Field("at", "datetime"),
    text("text"),
))

TASK = Entity("task", Task, parent="citizen_id", fields=(
    text("title"),
    day("due", null=True),
    day("done_on", null=True),
))

HEARING_CONTACT = Entity("hearing contact", HearingContact, parent="hearing_id", fields=(
    Field("contact", "ref", column="contact_id", target="contacts", doc="index (from 0) into this citizen's `contacts`"),
))

HEARING = Entity("hearing", Hearing, parent="citizen_id", order=("failure_date", "id"), fields=(
    Field("meeting", "ref", nullable=True, column="meeting_id", target="meetings",
          doc="index (from 0) into this citizen's `meetings`"),
    text("trigger"),
    day("failure_date"),
    day("sent", null=True),
    day("reply_due", null=True),
    day("decision_due"),
    enum("outcome", HEARING_OUTCOMES, null=True),
    day("decided_on", null=True),
    enum("rule", HEARING_RULES, null=True, doc="v2: las35 a missed meeting (null means the same), las36 missed course days"),
    day("guidance_on", null=True, doc="v2: the written guidance was given"),
    day("reply_on", null=True, doc="v2"),
    text("reply_text", null=True, doc="v2: the citizen's reply"),
    text("reasoning", null=True, doc="v2: why the decision, e.g. \"fremmer rådighed\""),
    Field("contacts", "list", item=HEARING_CONTACT, doc="v2: the attempts to reach the citizen"),
))

COURSE_ABSENCE = Entity("course absence", CourseAbsence, parent="citizen_id", order=("first_day", "id"), fields=(
    Field("course", "ref", column="course_id", target="courses", doc="index (from 0) into this citizen's `courses`"),
    day("start", column="first_day", doc="first missed day"),
    day("end", column="last_day", doc="last missed day; not before start"),
    enum("outcome", COURSE_ABSENCE_OUTCOMES, doc="accepted, or a failure under LAS § 36"),
    text("note", null=True),
    Field("hearing", "ref", nullable=True, column="hearing_id", target="hearings",
          doc="index (from 0) into this citizen's `hearings`"),
))

SPARRING_NOTE = Entity("sparring note", SparringNote, parent="citizen_id", order=("on", "id"), fields=(
    day("on", doc="the day the case was discussed at case sparring"),
    text("note", null=True),
))

CITIZEN = Entity("citizen", Citizen, order=("cpr",), fields=(
    Field("cpr", "cpr", doc="DDMMYY-SSSS; unique in the file and in the database"),
    text("name", nonblank=True),
    text("phone", null=True),
    text("email", null=True),
    text("address", null=True),
    day("first_request"),
    Field("interval", "interval", nullable=True, doc="null: the rule profile's default (3m)"),
    enum("preferred_place", PLACES, null=True),
    text("interpreter_language", null=True),
    enum("status", CITIZEN_STATUSES),
    day("closed_on", null=True),
    enum("outcome", OUTCOMES, null=True),
    text("outcome_note", null=True),
    text("caseworker", null=True),
    Field("flags", "list", item=FLAG),
    Field("meetings", "list", item=MEETING, doc="ordered by start"),
    Field("contacts", "list", item=CONTACT, doc="ordered by at"),
    Field("absences", "list", item=ABSENCE, doc="ordered by start"),
    Field("doctor_requests", "list", item=DOCTOR_REQUEST, doc="ordered by sent"),
    Field("courses", "list", item=COURSE, doc="ordered by start"),
    Field("plans", "list", item=PLAN),
    Field("network", "list", item=NETWORK),
    Field("notes", "list", item=NOTE, doc="ordered by at"),
    Field("tasks", "list", item=TASK),
    Field("hearings", "list", item=HEARING, doc="ordered by failure_date"),
    Field("course_absences", "list", item=COURSE_ABSENCE, doc="v2: missed course days, ordered by start"),
    Field("sparring_notes", "list", item=SPARRING_NOTE, doc="v2: discussed at case sparring, ordered by on"),
))

SUPPLIER = Entity("supplier", Supplier, order=("name",), fields=(
    text("name", nonblank=True, doc="unique; courses refer to the supplier by it"),
    text("contact", null=True),
    text("phone", null=True),
    text("email", null=True),
))

# Top level, in this order. Tasks that belong to no citizen live here.
TOP_KEYS = ("format", "version", "exported_with", "citizens", "suppliers", "tasks")

# Pairs of (start, end) keys where the end may not come before the start.
ORDERED_DATES: dict[str, tuple[str, str]] = {
    "absence": ("start", "end"), "course": ("start", "end"), "course absence": ("start", "end"),
}


def children(entity: Entity) -> list[Entity]:
    """Every entity listed under this one, depth first, itself excluded."""
    found: list[Entity] = []
    for field in entity.fields:
        if field.kind == "list" and field.item is not None:
            found.append(field.item)
            found.extend(children(field.item))
    return found
