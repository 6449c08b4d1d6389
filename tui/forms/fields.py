"""What a form field is and how its text becomes a typed value. Parsing lives in `store.parse`;
this module only picks the parser and turns a refusal into words beside the field.

A form declares its fields once, as class attributes of a `Values` subclass, in the order the
form shows them; the attribute's name is the field's name. The constructor says the type:

    class HeldValues(Values):
        day = required(DATE, "field.date", hint="hint.date")    # values.day is a date
        note = optional(LONG, "field.note")                    # values.note is str | None
        prepared = checkbox("field.prepared")                  # values.prepared is a bool

`required(KIND, ...)` gives the kind's type, `optional(KIND, ...)` the same or None (an empty
field), `checkbox(...)` a bool. A choice's value is the key of the chosen option (a str)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING, ClassVar, Generic, Self, TypeVar, cast, overload

from tui.i18n import t

if TYPE_CHECKING:
    from store.parse import ParseError

T = TypeVar("T")
V = TypeVar("V", covariant=True)  # a field of dates is a field of objects: tuples of fields mix kinds

Choices = Sequence[tuple[str, str]]  # (value, catalog key)


@dataclass(frozen=True)
class Kind(Generic[V]):
    """How a field's text becomes a value of type T: the name picks the widget and the parser."""

    name: str


TEXT: Kind[str] = Kind("text")
LONG: Kind[str] = Kind("long")  # a text area
DATE: Kind[date] = Kind("date")
TIME: Kind[time] = Kind("time")
MINUTES: Kind[int] = Kind("minutes")
INT: Kind[int] = Kind("int")
CPR: Kind[str] = Kind("cpr")  # ten digits, no dash
PHONE: Kind[str] = Kind("phone")
EMAIL: Kind[str] = Kind("email")
INTERVAL: Kind[str] = Kind("interval")  # "3m", "6w": the store's interval text
CHOICE: Kind[str] = Kind("choice")  # the chosen option's key

KINDS = ("text", "long", "date", "time", "minutes", "cpr", "phone", "email", "interval", "choice", "bool", "int")


class Field(Generic[V]):
    """One field: label, widget and how it is read. As a class attribute of a `Values`
    subclass it reads, on a values object, as the field's typed value (V)."""

    def __init__(self, label: str, kind: str, *, required: bool = False,
                 choices: Choices | Callable[[date], Choices] = (), default: object = None, hint: str = "",
                 limit: int | None = None, future: bool = False) -> None:
        self.name = ""  # the attribute's name, set when the Values class is made
        self.label = label  # catalog key
        self.kind = kind
        self.required = required
        # A choice's options, or a function of the day that gives them (the LÆ forms in force).
        self.choices = choices
        self.default = default  # what the widget shows first: a value, its text, or "today"
        self.hint = hint  # catalog key of an example shown under the field
        self.limit = limit
        self.future = future  # a date that must not have passed (a meeting to plan)

    def __set_name__(self, owner: type[object], name: str) -> None:
        # A field may be shared by two Values classes (a person's fields), under one name.
        if self.name and self.name != name:
            raise TypeError(f"field {self.name!r} is also named {name!r} in {owner.__name__}")
        self.name = name

    @overload
    def __get__(self, values: None, owner: type[object]) -> Self: ...

    @overload
    def __get__(self, values: Values, owner: type[object]) -> V: ...

    def __get__(self, values: Values | None, owner: type[object]) -> Self | V:
        if values is None:
            return self
        # `read` gave this field a value of the kind's type (or None where it is optional).
        return cast(V, values.by_name[self.name])

    def options(self, today: date) -> Choices:
        return self.choices(today) if callable(self.choices) else self.choices

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.kind!r})"


def required(kind: Kind[T], label: str, *, hint: str = "", limit: int | None = None, future: bool = False,
             choices: Choices | Callable[[date], Choices] = (), default: object = None) -> Field[T]:
    """A field that must be filled in: its value is never None."""
    return Field(label, kind.name, required=True, choices=choices, default=default, hint=hint, limit=limit,
                 future=future)


def optional(kind: Kind[T], label: str, *, hint: str = "", limit: int | None = None, future: bool = False,
             choices: Choices | Callable[[date], Choices] = (), default: object = None) -> Field[T | None]:
    """A field that may be left empty: its value is then None."""
    return Field(label, kind.name, choices=choices, default=default, hint=hint, limit=limit, future=future)


def checkbox(label: str, *, default: bool = False) -> Field[bool]:
    return Field(label, "bool", default=default)


class Values:
    """A form's values, read and checked: one typed attribute per field (see the module's
    docstring). `fields` lists the fields in the order they were declared."""

    fields: ClassVar[tuple[Field[object], ...]] = ()

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        found: dict[str, Field[object]] = {}  # a base class's fields first; a redefined one keeps its place
        for klass in reversed(cls.__mro__):
            found.update((name, f) for name, f in vars(klass).items() if isinstance(f, Field))
        cls.fields = tuple(found.values())

    def __init__(self, by_name: Mapping[str, object]) -> None:
        self.by_name = dict(by_name)

    def as_dict(self) -> dict[str, object]:
        """Every value by field name: the changes of an edit (`EditCitizen(changes=...)`)."""
        return dict(self.by_name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.by_name!r})"


class FieldError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _parsers() -> dict[str, Callable[[str, date], object]]:
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


def read(field: Field[object], raw: object, today: date) -> object:
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


def explain(exc: ParseError) -> str:
    """A parser's refusal in the user's language, always with an example of what works."""
    key = "parse." + exc.code
    from tui.i18n.catalog import has

    what = t(key, **exc.params) if has(key) or has(key, "da") else exc.message
    return t("form.example", what=what, example=exc.example)
