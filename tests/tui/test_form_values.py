"""A form's values are typed: each form names a `Values` class whose fields say their type, and
what a field reads is of that type (a date field gives a date, an empty optional field None)."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date, time

import pytest

import tui.forms
from tui.forms.base import FormScreen
from tui.forms.fields import (
    Field, CHOICE, DATE, INT, INTERVAL, KINDS, LONG, MINUTES, PHONE, TEXT, TIME, Values, checkbox, optional, read, required,
)

TODAY = date(2026, 11, 23)


def _forms() -> list[type[FormScreen[Values]]]:
    for info in pkgutil.iter_modules(tui.forms.__path__):
        importlib.import_module(f"tui.forms.{info.name}")
    found: list[type[FormScreen[Values]]] = []
    todo: list[type[FormScreen[Values]]] = list(FormScreen.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if "title_key" in vars(cls) or "values_type" in vars(cls):
            found.append(cls)
    return found


def test_every_form_declares_its_typed_values() -> None:
    forms = _forms()
    assert len(forms) >= 30, [f.__name__ for f in forms]
    for form in forms:
        fields = form.values_type.fields
        assert fields, form.__name__
        names = [f.name for f in fields]
        assert len(set(names)) == len(names), (form.__name__, names)
        assert all(f.kind in KINDS for f in fields), form.__name__


class _Sample(Values):
    day = required(DATE, "field.date")
    at = optional(TIME, "field.time")
    minutes = required(MINUTES, "field.minutes")
    place = required(CHOICE, "field.place", choices=(("home", "place.home"),))
    note = optional(LONG, "field.note")
    prepared = checkbox("field.prepared")


def test_fields_are_declared_in_order_and_read_as_their_type() -> None:
    assert [f.name for f in _Sample.fields] == ["day", "at", "minutes", "place", "note", "prepared"]
    raw = {"day": "24-12-2026", "at": "", "minutes": "45", "place": "home", "note": "  ", "prepared": True}
    values = _Sample({f.name: read(f, raw[f.name], TODAY) for f in _Sample.fields})
    assert values.day == date(2026, 12, 24)
    assert values.at is None and values.note is None  # empty optional fields
    assert values.minutes == 45 and values.place == "home" and values.prepared is True


@pytest.mark.parametrize(("field", "text", "kind"), [
    (required(DATE, "x"), "i morgen", date),
    (required(TIME, "x"), "9.30", time),
    (required(MINUTES, "x"), "1 t", int),
    (required(INT, "x"), "3", int),
    (required(TEXT, "x"), "Anna", str),
    (required(PHONE, "x"), "12 34 56 78", str),
    (required(INTERVAL, "x"), "6 uger", str),
])
def test_each_kind_reads_as_the_type_its_constructor_promises(field: Field[object], text: str, kind: type) -> None:
    assert isinstance(read(field, text, TODAY), kind)


def test_a_field_shared_by_two_values_classes_keeps_one_name() -> None:
    shared = optional(TEXT, "field.name")

    class A(Values):
        name = shared

    class B(Values):
        name = shared

    assert A.fields == B.fields == (shared,)
    with pytest.raises((TypeError, RuntimeError)):  # 3.11 wraps an error in __set_name__
        class C(Values):
            other = shared
