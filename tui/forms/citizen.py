"""Citizen: create, edit, set the meeting interval, close with an outcome, add a flag."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.commands import citizens
from store.commands.base import Command
from store.parse import parse_cpr
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import Field
from tui.i18n import t

if TYPE_CHECKING:
    from store import records
    from store.facade import Store

_PERSON = (
    Field("name", "field.name", required=True, limit=200),
    Field("phone", "field.phone", "phone", hint="hint.phone"),
    Field("email", "field.email", "email", hint="hint.email"),
    Field("address", "field.address", limit=500),
    Field("interval", "field.interval", "interval", hint="hint.interval"),
    Field("preferred_place", "field.preferred_place", "choice", choices=choices.PLACES),
    Field("interpreter_language", "field.interpreter", limit=100),
)


class CreateCitizenForm(FormScreen):
    title_key = "form.citizen_create"
    fields = (
        Field("cpr", "field.cpr", "cpr", required=True, hint="hint.cpr"),
        *_PERSON[:1],
        Field("first_request", "field.first_request", "date", required=True, default="today", hint="hint.date"),
        *_PERSON[1:],
    )

    def warnings(self, store: Store, values: dict[str, Any]) -> list[str]:
        # Numbers issued since 2007 may fail modulus 11: a second look, never a refusal.
        return [] if parse_cpr(values["cpr"]).modulus11_ok else [t("warn.cpr_modulus11")]

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return citizens.CreateCitizen(**values)


class EditCitizenForm(FormScreen):
    title_key = "form.citizen_edit"
    fields = _PERSON

    def __init__(self, citizen: records.Citizen) -> None:
        initial = {f.name: getattr(citizen, f.name) for f in _PERSON}
        super().__init__(context=citizen.name, initial=initial)
        self.citizen = citizen

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return citizens.EditCitizen(citizen_id=self.citizen.id, changes=values, expected_version=self.citizen.version)


class IntervalForm(FormScreen):
    title_key = "form.interval"
    fields = (Field("interval", "field.interval", "interval", hint="hint.interval_default"),)

    def __init__(self, citizen: records.Citizen) -> None:
        super().__init__(context=citizen.name, initial={"interval": citizen.interval})
        self.citizen = citizen

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return citizens.SetInterval(citizen_id=self.citizen.id, interval=values["interval"])


class CloseCitizenForm(FormScreen):
    title_key = "form.citizen_close"
    fields = (
        Field("outcome", "field.outcome", "choice", required=True, choices=choices.OUTCOMES),
        Field("closed_on", "field.closed_on", "date", required=True, default="today", hint="hint.date"),
        Field("note", "field.note", "long"),
    )

    def __init__(self, citizen: records.Citizen) -> None:
        super().__init__(context=citizen.name)
        self.citizen = citizen

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return citizens.CloseCase(citizen_id=self.citizen.id, **values)


class FlagForm(FormScreen):
    title_key = "form.flag"
    fields = (
        Field("text_", "field.flag_text", required=True, limit=500, hint="hint.flag"),
        Field("starts", "field.starts", "date", hint="hint.date"),
        Field("ends", "field.ends", "date", hint="hint.date"),
    )

    def __init__(self, citizen: records.Citizen) -> None:
        super().__init__(context=citizen.name)
        self.citizen = citizen

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return citizens.AddFlag(citizen_id=self.citizen.id, **values)
