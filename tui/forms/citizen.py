"""Citizen: create, edit, set the meeting interval, close with an outcome, add a flag."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.commands import citizens
from store.parse import parse_cpr
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import CHOICE, CPR, DATE, EMAIL, INTERVAL, LONG, PHONE, TEXT, Values, optional, required
from tui.i18n import t

if TYPE_CHECKING:
    from store import records
    from store.facade import Store

# A person's fields, shared by creating and editing a citizen.
_NAME = required(TEXT, "field.name", limit=200)
_PHONE = optional(PHONE, "field.phone", hint="hint.phone")
_EMAIL = optional(EMAIL, "field.email", hint="hint.email")
_ADDRESS = optional(TEXT, "field.address", limit=500)
_INTERVAL = optional(INTERVAL, "field.interval", hint="hint.interval")
_PLACE = optional(CHOICE, "field.preferred_place", choices=choices.PLACES)
_INTERPRETER = optional(TEXT, "field.interpreter", limit=100)


class CreateCitizenValues(Values):
    cpr = required(CPR, "field.cpr", hint="hint.cpr")
    name = _NAME
    first_request = required(DATE, "field.first_request", default="today", hint="hint.date")
    phone = _PHONE
    email = _EMAIL
    address = _ADDRESS
    interval = _INTERVAL
    preferred_place = _PLACE
    interpreter_language = _INTERPRETER


class CreateCitizenForm(FormScreen[CreateCitizenValues]):
    title_key = "form.citizen_create"
    values_type = CreateCitizenValues

    def warnings(self, store: Store, values: CreateCitizenValues) -> list[str]:
        # Numbers issued since 2007 may fail modulus 11: a second look, never a refusal.
        return [] if parse_cpr(values.cpr).modulus11_ok else [t("warn.cpr_modulus11")]

    def command(self, values: CreateCitizenValues) -> citizens.CreateCitizen:
        return citizens.CreateCitizen(
            cpr=values.cpr, name=values.name, first_request=values.first_request, phone=values.phone,
            email=values.email, address=values.address, interval=values.interval,
            preferred_place=values.preferred_place, interpreter_language=values.interpreter_language)


class PersonValues(Values):
    name = _NAME
    phone = _PHONE
    email = _EMAIL
    address = _ADDRESS
    interval = _INTERVAL
    preferred_place = _PLACE
    interpreter_language = _INTERPRETER


class EditCitizenForm(FormScreen[PersonValues]):
    title_key = "form.citizen_edit"
    values_type = PersonValues

    def __init__(self, citizen: records.Citizen) -> None:
        initial = {f.name: getattr(citizen, f.name) for f in PersonValues.fields}
        super().__init__(context=citizen.name, initial=initial)
        self.citizen = citizen

    def command(self, values: PersonValues) -> citizens.EditCitizen:
        return citizens.EditCitizen(citizen_id=self.citizen.id, changes=values.as_dict(),
                                    expected_version=self.citizen.version)


class IntervalValues(Values):
    interval = optional(INTERVAL, "field.interval", hint="hint.interval_default")


class IntervalForm(FormScreen[IntervalValues]):
    title_key = "form.interval"
    values_type = IntervalValues

    def __init__(self, citizen: records.Citizen) -> None:
        super().__init__(context=citizen.name, initial={"interval": citizen.interval})
        self.citizen = citizen

    def command(self, values: IntervalValues) -> citizens.SetInterval:
        return citizens.SetInterval(citizen_id=self.citizen.id, interval=values.interval)


class CloseCitizenValues(Values):
    outcome = required(CHOICE, "field.outcome", choices=choices.OUTCOMES)
    closed_on = required(DATE, "field.closed_on", default="today", hint="hint.date")
    note = optional(LONG, "field.note")


class CloseCitizenForm(FormScreen[CloseCitizenValues]):
    title_key = "form.citizen_close"
    values_type = CloseCitizenValues

    def __init__(self, citizen: records.Citizen) -> None:
        super().__init__(context=citizen.name)
        self.citizen = citizen

    def command(self, values: CloseCitizenValues) -> citizens.CloseCase:
        return citizens.CloseCase(citizen_id=self.citizen.id, outcome=values.outcome, closed_on=values.closed_on,
                                  note=values.note)


class FlagValues(Values):
    text_ = required(TEXT, "field.flag_text", limit=500, hint="hint.flag")
    starts = optional(DATE, "field.starts", hint="hint.date")
    ends = optional(DATE, "field.ends", hint="hint.date")


class FlagForm(FormScreen[FlagValues]):
    title_key = "form.flag"
    values_type = FlagValues

    def __init__(self, citizen: records.Citizen) -> None:
        super().__init__(context=citizen.name)
        self.citizen = citizen

    def command(self, values: FlagValues) -> citizens.AddFlag:
        return citizens.AddFlag(citizen_id=self.citizen.id, text_=values.text_, starts=values.starts, ends=values.ends)
