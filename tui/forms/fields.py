"""What a form field is and how its text becomes a value. Parsing lives in `store.parse`; this
module only picks the parser and turns a refusal into words beside the field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tui.i18n import t

# kind -> parser(text, today) -> value
KINDS = ("text", "long", "date", "time", "minutes", "cpr", "phone", "email", "interval", "choice", "bool", "int")


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # catalog key
    kind: str = "text"
    required: bool = False
    choices: Sequence[tuple[str, str]] = ()  # (value, catalog key)
    default: Any = None
    hint: str = ""  # catalog key of an example shown under the field
    limit: int | None = None
    future: bool = False  # a date that must not have passed (a meeting to plan)


class FieldError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _parsers() -> dict[str, Callable[[str, date], Any]]:
    from store import parse

    return {
        "date": parse.parse_date,
        "time": lambda s, _today: parse.parse_time(s),
        "minutes": lambda s, _today: parse.parse_minutes(s),
        "cpr": lambda s, _today: parse.parse_cpr(s).cpr,
        "phone": lambda s, _today: parse.parse_phone(s),
        "email": lambda s, _today: parse.parse_email(s),
        "interval": lambda s, _today: parse.parse_interval_text(s),
        "int": lambda s, _today: _int(s),
    }


def _int(text: str) -> int:
    from store.parse import ParseError

    try:
        return int(text.strip())
    except ValueError:
        raise ParseError("number.unreadable", f"{text!r} is not a whole number", "3") from None


def read(field: Field, raw: Any, today: date) -> Any:
    """The value of one field, or FieldError with a sentence saying what is right."""
    from store.parse import ParseError

    if field.kind in ("bool", "choice"):
        if field.required and raw in (None, ""):
            raise FieldError(field.name, t("form.required"))
        return raw
    text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    if field.kind in ("text", "long"):
        if field.required and not text.strip():
            raise FieldError(field.name, t("form.required"))
        if field.limit is not None and len(text) > field.limit:
            raise FieldError(field.name, t("form.too_long", limit=field.limit, n=len(text)))
        return text if text.strip() else None
    if not text.strip():
        if field.required:
            raise FieldError(field.name, t("form.required_example", example=t(field.hint) if field.hint else ""))
        return None
    try:
        value = _parsers()[field.kind](text, today)
    except ParseError as exc:
        raise FieldError(field.name, explain(exc)) from None
    if field.future and isinstance(value, date) and value < today:
        raise FieldError(field.name, t("form.past_date", day=_day(value), suggestion=_day(next_same_weekday(value, today))))
    return value


def next_same_weekday(day: date, today: date) -> date:
    """The first day from `today` on with the same weekday as `day`: what "tirsdag" would mean."""
    from datetime import timedelta

    return today + timedelta(days=(day.weekday() - today.weekday()) % 7)


def _day(day: date) -> str:
    from tui.i18n import dates

    return f"{dates.weekday(day, short=True)} {dates.fmt_date(day)}"


def explain(exc: Any) -> str:
    """A parser's refusal in the user's language, always with an example of what works."""
    key = "parse." + exc.code
    from tui.i18n.catalog import has

    what = t(key, **exc.params) if has(key) or has(key, "da") else exc.message
    return t("form.example", what=what, example=exc.example)
