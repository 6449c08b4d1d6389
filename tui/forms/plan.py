"""The preparatory plan: rehabilitation-team date, recommendation and decision; and the
people around the citizen. (Ticking checklist items is one key on the citizen screen.)"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from store.commands import plans
from store.commands.base import Command
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import Field

if TYPE_CHECKING:
    from store import records


class TeamDateForm(FormScreen):
    title_key = "form.plan_team"
    fields = (Field("team_meeting", "field.team_meeting", "date", required=True, hint="hint.date"),)

    def __init__(self, citizen: records.Citizen, plan_id: int | None) -> None:
        super().__init__(context=citizen.name)
        self.citizen = citizen
        self.plan_id = plan_id

    def command(self, values: dict[str, Any]) -> Command[Any]:
        if self.plan_id is None:
            return plans.OpenPlan(citizen_id=self.citizen.id, **values)
        return plans.SetTeamMeeting(plan_id=self.plan_id, **values)


class DecisionForm(FormScreen):
    title_key = "form.plan_decision"
    fields = (
        Field("recommendation", "field.recommendation", "choice", required=True, choices=choices.RECOMMENDATIONS),
        Field("decision", "field.decision", "long"),
        Field("decided_on", "field.decided_on", "date", required=True, default="today", hint="hint.date"),
    )

    def __init__(self, plan_id: int, context: str) -> None:
        super().__init__(context=context)
        self.plan_id = plan_id

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return plans.RecordDecision(plan_id=self.plan_id, **values)


_PERSON = (
    Field("role", "field.role", "choice", required=True, choices=choices.NETWORK_ROLES),
    Field("name", "field.name", required=True, limit=200),
    Field("organisation", "field.organisation", limit=300),
    Field("contact", "field.contact", limit=300),
)


class PersonForm(FormScreen):
    title_key = "form.person"
    fields = (*_PERSON, Field("starts", "field.starts", "date", default="today", hint="hint.date"))

    def __init__(self, citizen: records.Citizen, person: records.NetworkPerson | None = None) -> None:
        initial = {f.name: getattr(person, f.name) for f in self.fields} if person else {}
        super().__init__(context=citizen.name, initial=initial)
        self.citizen = citizen
        self.person = person

    def command(self, values: dict[str, Any]) -> Command[Any]:
        if self.person is None:
            return plans.AddPerson(citizen_id=self.citizen.id, **values)
        values.pop("starts", None)  # the start of a connection is not edited, only its end
        return plans.EditPerson(person_id=self.person.id, changes=values, expected_version=self.person.version)


class EndPersonForm(FormScreen):
    title_key = "form.person_end"
    fields = (Field("ends", "field.ends", "date", required=True, default="today", hint="hint.date"),)

    def __init__(self, person: records.NetworkPerson) -> None:
        super().__init__(context=person.name)
        self.person = person

    def command(self, values: dict[str, Any]) -> Command[Any]:
        return plans.EndPerson(person_id=self.person.id, **values)
