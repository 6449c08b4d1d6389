"""A decoded JSON document -> checked, converted records, or every problem with its JSON
path (`citizens[3].meetings[0].start: ...`). Nothing here touches the database."""

from __future__ import annotations

from datetime import date, datetime

import difflib
from dataclasses import dataclass, field
from typing import Any

from store.importers.errors import ErrorList, ImportRefused, mask_cpr
from store.importers.problem import Problem
from store.portable.spec import CITIZEN, FORMAT, ORDERED_DATES, SUPPLIER, TASK, TOP_KEYS, READABLE_VERSIONS, VERSION, Entity
from store.portable.values import BadValue, convert, describe, wrong_type

# Every message below is a Problem: its English text, plus a code and parameters the interface
# turns into the user's language (the catalog's `import_problem.json_*`).
TOP_LEVEL = Problem("json_top_level", "top level")


@dataclass
class Clean:
    """One checked record: column values ready for the ORM, references still by natural key."""

    values: dict[str, Any] = field(default_factory=dict)
    refs: dict[str, Any] = field(default_factory=dict)
    lists: dict[str, list[Clean]] = field(default_factory=dict)


@dataclass
class Document:
    citizens: list[Clean]
    suppliers: list[Clean]
    tasks: list[Clean]
    warnings: list[str]


def validate(doc: Any, today: date | None = None) -> Document:
    """`today`: also refuse first requests and held meetings after it, as the forms and the
    CSV import do (a held meeting in 2062 would hide an overdue citizen)."""
    _check_version(doc)
    checker = _Checker()
    checker.keys(doc, set(TOP_KEYS), "")
    exported_with = doc.get("exported_with")
    if exported_with is not None and not isinstance(exported_with, str):
        checker.fail("exported_with", wrong_type("text", exported_with))
    lists = {key: checker.records(doc, key, entity) for key, entity in
             (("citizens", CITIZEN), ("suppliers", SUPPLIER), ("tasks", TASK))}
    document = Document(lists["citizens"], lists["suppliers"], lists["tasks"], checker.warnings)
    _check_references(document, checker)
    if today is not None:
        _check_not_future(document, checker, today)
    checker.errors.refuse_if_any()
    return document


def _check_not_future(document: Document, checker: _Checker, today: date) -> None:
    for c, citizen in enumerate(document.citizens):
        first = citizen.values.get("first_request")
        if isinstance(first, date) and first > today:
            checker.fail(f"citizens[{c}].first_request", Problem(
                "after_today", f"{first.isoformat()} is after today ({today.isoformat()})",
                value=first.isoformat(), today=today.isoformat()))
        for m, meeting in enumerate(citizen.lists.get("meetings", [])):
            start = meeting.values.get("start")
            if meeting.values.get("status") == "held" and isinstance(start, datetime) and start.date() > today:
                checker.fail(f"citizens[{c}].meetings[{m}].start", Problem(
                    "json_held_future",
                    f"a held meeting on {start.date().isoformat()} is after today ({today.isoformat()}); "
                    "a meeting in the future can only be planned",
                    value=start.date().isoformat(), today=today.isoformat()))


def _check_version(doc: Any) -> None:
    """A file of another kind or version is refused with one sentence: checking its fields
    against version 1 would only bury that sentence under hundreds of wrong ones."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportRefused([Problem(
            "json_not_sagsdag",
            f'this is not a Sagsdag export: the top level must be an object with "format": "{FORMAT}"', format=FORMAT)])
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportRefused([Problem(
            "json_version_type", f"version: should be a whole number such as {VERSION}, not {describe(version)}",
            version=VERSION, value=describe(version))])
    if version > VERSION:
        raise ImportRefused([Problem(
            "json_version_newer",
            f"version: the file is format version {version}, written by a newer Sagsdag; this one reads "
            f"up to version {VERSION}. Upgrade Sagsdag and import it again",
            found=version, version=VERSION)])
    if version not in READABLE_VERSIONS:
        raise ImportRefused([Problem(
            "json_version_unknown",
            f"version: {version} is not a format version Sagsdag has ever written (known: 1-{VERSION})",
            found=version, version=VERSION)])


class _Checker:
    def __init__(self) -> None:
        self.errors = ErrorList()
        self.warnings: list[str] = []

    def fail(self, path: str, message: str) -> None:
        """`path` is the JSON path (`citizens[3].cpr`, or TOP_LEVEL), `message` a Problem."""
        self.errors.add(Problem("json_at", f"{path}: {message}", path=path, reason=message))

    def keys(self, obj: dict[str, Any], known: set[str], path: str) -> None:
        where = path or TOP_LEVEL
        for key in getattr(obj, "duplicates", ()):
            self.fail(where, Problem("json_key_twice", f'key "{key}" appears more than once', key=key))
        for key in obj:
            if key not in known:
                guess = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.7)
                if guess:
                    self.fail(where, Problem("json_key_unknown_guess", f'unknown key "{key[:40]}" (did you mean {guess[0]}?)',
                                             key=key[:40], guess=guess[0]))
                else:
                    self.fail(where, Problem("json_key_unknown", f'unknown key "{key[:40]}"', key=key[:40]))

    def records(self, parent: dict[str, Any], key: str, entity: Entity, path: str = "") -> list[Clean]:
        where = f"{path}.{key}" if path else key
        items = parent.get(key, [])
        if not isinstance(items, list):
            self.fail(where, wrong_type("list", items))
            return []
        # Invalid items stay in the list as empty records so later indices keep their meaning.
        return [self.record(item, entity, f"{where}[{i}]") for i, item in enumerate(items) if not self.errors.full]

    def record(self, obj: Any, entity: Entity, path: str) -> Clean:
        clean = Clean()
        if not isinstance(obj, dict):
            self.fail(path, wrong_type("object", obj))
            return clean
        self.keys(obj, {f.key for f in entity.fields}, path)
        for f in entity.fields:
            where = f"{path}.{f.key}"
            if f.key not in obj and not f.optional:
                self.fail(where, Problem("json_missing", "is missing"))
                continue
            if f.kind == "list":
                assert f.item is not None
                clean.lists[f.key] = self.records(obj, f.key, f.item, path)
                continue
            value = obj.get(f.key)
            if value is None:
                if not f.nullable:
                    self.fail(where, Problem("json_null", "is null, but a value is required"))
                if f.kind == "ref":
                    clean.refs[f.key] = None
                else:
                    clean.values[f.attr] = None
            elif f.kind == "ref":
                self._reference(f.target or "", value, where, clean, f.key)
            else:
                try:
                    clean.values[f.attr] = convert(f, entity, value, self.warnings, where)
                except BadValue as exc:
                    self.fail(where, exc.args[0])
        self._date_order(entity, obj, clean, path)
        return clean

    def _reference(self, target: str, value: Any, where: str, clean: Clean, key: str) -> None:
        if target == "suppliers":
            if isinstance(value, str):
                clean.refs[key] = value
            else:
                self.fail(where, Problem("json_type", f"should be a supplier's name, not {describe(value)}",
                                         expected=Problem("json_expected_supplier", "a supplier's name"),
                                         value=describe(value)))
        elif isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            clean.refs[key] = value
        else:
            self.fail(where, Problem(
                "json_ref_index", f"should be null or an index (0, 1, ...) into this citizen's {target}, not {describe(value)}",
                target=target, value=describe(value)))

    def _date_order(self, entity: Entity, obj: dict[str, Any], clean: Clean, path: str) -> None:
        pair = ORDERED_DATES.get(entity.name)
        if not pair:
            return
        fields = {f.key: f for f in entity.fields}
        first, last = (clean.values.get(fields[k].attr) for k in pair)
        if first is not None and last is not None and last < first:
            self.fail(f"{path}.{pair[1]}", Problem(
                "json_before", f"{last.isoformat()} is before {pair[0]} {first.isoformat()}",
                value=last.isoformat(), other=pair[0], first=first.isoformat()))


def _check_references(document: Document, checker: _Checker) -> None:
    supplier_names: dict[str, int] = {}
    for i, supplier in enumerate(document.suppliers):
        name = supplier.values.get("name")
        if name is None:
            continue
        if name in supplier_names:
            checker.fail(f"suppliers[{i}].name", Problem(
                "json_supplier_twice", f"the name is also suppliers[{supplier_names[name]}]; names must be unique",
                other=supplier_names[name]))
        else:
            supplier_names[name] = i
    cprs: dict[str, int] = {}
    for c, citizen in enumerate(document.citizens):
        path = f"citizens[{c}]"
        cpr = citizen.values.get("cpr")
        if cpr is not None:
            if cpr in cprs:
                checker.fail(f"{path}.cpr", Problem(
                    "json_cpr_twice", f"{mask_cpr(cpr)} is also citizens[{cprs[cpr]}]; each citizen appears once",
                    cpr=mask_cpr(cpr), other=cprs[cpr]))
            else:
                cprs[cpr] = c
        for i, course in enumerate(citizen.lists.get("courses", [])):
            name = course.refs.get("supplier")
            if name is not None and name not in supplier_names:
                checker.fail(f"{path}.courses[{i}].supplier", Problem(
                    "json_supplier_unknown", f"{describe(name)} is not the name of one of the suppliers in the file",
                    value=describe(name)))
        _indices(checker, citizen, path, "meetings", "course", "courses")
        _indices(checker, citizen, path, "hearings", "meeting", "meetings")
        _indices(checker, citizen, path, "course_absences", "course", "courses")
        _indices(checker, citizen, path, "course_absences", "hearing", "hearings")
        contacts = len(citizen.lists.get("contacts", []))
        for i, hearing in enumerate(citizen.lists.get("hearings", [])):
            for j, link in enumerate(hearing.lists.get("contacts", [])):
                index = link.refs.get("contact")
                if index is not None and index >= contacts:
                    checker.fail(f"{path}.hearings[{i}].contacts[{j}].contact", Problem(
                        "json_index_out",
                        f"{index} is not an index into this citizen's contacts (there are {contacts})",
                        index=index, target="contacts", count=contacts))


def _indices(checker: _Checker, citizen: Clean, path: str, listed: str, key: str, target: str) -> None:
    count = len(citizen.lists.get(target, []))
    for i, record in enumerate(citizen.lists.get(listed, [])):
        index = record.refs.get(key)
        if index is not None and index >= count:
            span = f"0-{count - 1}" if count else "none"
            checker.fail(f"{path}.{listed}[{i}].{key}", Problem(
                "json_index_span" if count else "json_index_none",
                f"{index} is not an index into this citizen's {target} (there are {count}: {span})",
                index=index, target=target, count=count, span=span))
