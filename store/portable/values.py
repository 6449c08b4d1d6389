"""One JSON value against one Field: the converted Python value, or the sentence saying what
is wrong with it and how to write it instead."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from store.importers.errors import mask_cpr
from store.importers.values import quoted, within_years
from store.portable.spec import Entity, Field

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$")

EXPECTED = {
    "text": "a string", "cpr": "a string", "date": "a string", "datetime": "a string", "enum": "a string",
    "interval": "a string", "int": "a whole number", "bool": "true or false", "list": "a list [...]",
}


class BadValue(ValueError):
    pass


def describe(value: Any) -> str:
    """How a wrong JSON value is named in a message; long strings are shortened."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return quoted(value)
    return "a list" if isinstance(value, list) else "an object"


def convert(field: Field, entity: Entity, value: Any, warnings: list[str], where: str) -> Any:
    """Raises BadValue with the message (without the path)."""
    kind = field.kind
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise BadValue(f"should be {EXPECTED[kind]}, not {describe(value)}")
        if (field.low is not None and value < field.low) or (field.high is not None and value > field.high):
            raise BadValue(f"{value} is outside {field.low}-{field.high}")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise BadValue(f"should be true or false, not {describe(value)}")
        return value
    if not isinstance(value, str):
        shown = "a value" if kind == "cpr" else describe(value)
        raise BadValue(f"should be {EXPECTED.get(kind, 'a string')}, not {shown}")
    if kind == "text":
        return _text(field, entity, value)
    if kind == "cpr":
        return _cpr(value, warnings, where)
    if kind == "date":
        return _date(value)
    if kind == "datetime":
        return _datetime(value)
    if kind == "enum":
        if value not in field.choices:
            raise BadValue(f"{quoted(value)} is not one of {', '.join(field.choices)}")
        return value
    if kind == "interval":
        return _interval(value)
    raise AssertionError(kind)


def _text(field: Field, entity: Entity, value: str) -> str:
    if "\x00" in value:
        raise BadValue("contains a NUL character (\\u0000), which databases cannot store; remove it")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadValue("contains an unpaired surrogate escape (\\ud800-\\udfff), which is not a character") from None
    limit = entity.max_length(field)
    if limit is not None and len(value) > limit:
        raise BadValue(f"is {len(value)} characters long; at most {limit} fit")
    if field.nonblank and not value.strip():
        raise BadValue("is empty")
    return value


def _cpr(value: str, warnings: list[str], where: str) -> str:
    from store.parse import ParseError, parse_cpr

    try:
        result = parse_cpr(value)
    except ParseError as exc:
        raise BadValue(f"{mask_cpr(value)} is not a valid CPR number ({exc.message})") from None
    if not result.modulus11_ok:
        warnings.append(f"{where}: CPR {mask_cpr(result.cpr)} fails the modulus-11 check; imported anyway")
    return result.cpr


def _date(value: str) -> date:
    if _DATE.match(value):
        try:
            found = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return _within_years(found, value)
    raise BadValue(f"{quoted(value)} is not a date (use YYYY-MM-DD)")


def _datetime(value: str) -> datetime:
    if _DATETIME.match(value):
        try:
            found = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return _within_years(found, value)
    raise BadValue(f"{quoted(value)} is not a date and time (use YYYY-MM-DDTHH:MM:SS, e.g. 2026-11-23T09:30:00)")


def _within_years(value: Any, text: str) -> Any:
    try:
        within_years(value, text)
    except ValueError as exc:
        raise BadValue(str(exc)) from None
    return value


def _interval(value: str) -> str:
    from store.rules import Interval

    try:
        Interval.parse(value)
    except (ValueError, TypeError, OverflowError):
        raise BadValue(f"{quoted(value)} is not an interval (like 3m, 6w or 14d)") from None
    # Kept as written rather than normalised: export -> import -> export must be identical.
    return value
