"""One JSON value against one Field: the converted Python value, or the sentence saying what
is wrong with it and how to write it instead."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, TypeVar

from store.importers.errors import mask_cpr
from store.importers.problem import Problem
from store.importers.values import quoted, within_years
from store.portable.spec import Entity, Field

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$")

# What a value should have been, as Problems so the interface can name them in its language
# (the catalog's `import_problem.json_expected_<kind>`).
_STRING = Problem("json_expected_string", "a string")
EXPECTED = {
    "text": _STRING, "cpr": _STRING, "date": _STRING, "datetime": _STRING, "enum": _STRING,
    "interval": _STRING, "int": Problem("json_expected_int", "a whole number"),
    "bool": Problem("json_expected_bool", "true or false"), "list": Problem("json_expected_list", "a list [...]"),
    "object": Problem("json_expected_object", "an object {...}"),
}


class BadValue(ValueError):
    """args[0] is the Problem (without the path); str() is its English sentence."""


def wrong_type(kind: str, value: Any, shown: str | None = None) -> Problem:
    expected = EXPECTED.get(kind, _STRING)
    shown = describe(value) if shown is None else shown
    return Problem("json_type", f"should be {expected}, not {shown}", expected=expected, value=shown)


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
    if isinstance(value, list):
        return Problem("json_a_list", "a list")
    return Problem("json_an_object", "an object")


def convert(field: Field, entity: Entity, value: Any, warnings: list[str], where: str) -> Any:
    """Raises BadValue with the message (without the path)."""
    kind = field.kind
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise BadValue(wrong_type(kind, value))
        if (field.low is not None and value < field.low) or (field.high is not None and value > field.high):
            raise BadValue(Problem("json_range", f"{value} is outside {field.low}-{field.high}",
                                   value=value, low=field.low, high=field.high))
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise BadValue(wrong_type(kind, value))
        return value
    if not isinstance(value, str):
        # A CPR number written as a JSON number is still a CPR number: never echoed.
        shown = Problem("json_a_value", "a value") if kind == "cpr" else describe(value)
        raise BadValue(wrong_type(kind, value, shown))
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
            choices = ", ".join(field.choices)
            raise BadValue(Problem("json_enum", f"{quoted(value)} is not one of {choices}",
                                   value=quoted(value), choices=choices))
        return value
    if kind == "interval":
        return _interval(value)
    raise AssertionError(kind)


def _text(field: Field, entity: Entity, value: str) -> str:
    if "\x00" in value:
        raise BadValue(Problem("json_nul", "contains a NUL character (\\u0000), which databases cannot store; remove it"))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadValue(Problem("json_surrogate",
                               "contains an unpaired surrogate escape (\\ud800-\\udfff), which is not a character")) from None
    limit = entity.max_length(field)
    if limit is not None and len(value) > limit:
        raise BadValue(Problem("json_too_long", f"is {len(value)} characters long; at most {limit} fit",
                               length=len(value), limit=limit))
    if field.nonblank and not value.strip():
        raise BadValue(Problem("json_empty", "is empty"))
    return value


def _cpr(value: str, warnings: list[str], where: str) -> str:
    from store.parse import ParseError, parse_cpr

    try:
        result = parse_cpr(value)
    except ParseError as exc:
        reason = Problem(f"cpr_reason_{exc.code.rsplit('.', 1)[-1]}", exc.message, **exc.params)
        raise BadValue(Problem("json_cpr_invalid", f"{mask_cpr(value)} is not a valid CPR number ({exc.message})",
                               cpr=mask_cpr(value), reason=reason)) from None
    if not result.modulus11_ok:
        warnings.append(Problem("json_modulus11", f"{where}: CPR {mask_cpr(result.cpr)} fails the modulus-11 check; imported anyway",
                                path=where, cpr=mask_cpr(result.cpr)))
    return result.cpr


def _date(value: str) -> date:
    if _DATE.match(value):
        try:
            found = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return _within_years(found, value)
    raise BadValue(Problem("json_date", f"{quoted(value)} is not a date (use YYYY-MM-DD)", value=quoted(value)))


def _datetime(value: str) -> datetime:
    if _DATETIME.match(value):
        try:
            found = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return _within_years(found, value)
    raise BadValue(Problem("json_datetime",
                           f"{quoted(value)} is not a date and time (use YYYY-MM-DDTHH:MM:SS, e.g. 2026-11-23T09:30:00)",
                           value=quoted(value)))


T = TypeVar("T", date, datetime)


def _within_years(value: T, text: str) -> T:
    try:
        within_years(value, text)
    except ValueError as exc:
        raise BadValue(exc.args[0]) from None  # the Problem, code and all
    return value


def _interval(value: str) -> str:
    from store.rules import Interval

    try:
        Interval.parse(value)
    except (ValueError, TypeError, OverflowError):
        raise BadValue(Problem("json_interval", f"{quoted(value)} is not an interval (like 3m, 6w or 14d)",
                               value=quoted(value))) from None
    # Kept as written rather than normalised: export -> import -> export must be identical.
    return value
