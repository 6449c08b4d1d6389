"""The preparatory plan: rehabilitation-team date, recommendation and decision; and the
people around the citizen. (Ticking checklist items is one key on the citizen screen.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.commands import plans
from tui.forms import choices
from tui.forms.base import FormScreen
from tui.forms.fields import CHOICE, DATE, LONG, TEXT, Values, optional, required

if TYPE_CHECKING:
    from store import records


class TeamDateValues(Values):
    team_meeting = required(DATE, "field.team_meeting", hint="hint.date")


class TeamDateForm(FormScreen[TeamDateValues]):
    title_key = "form.plan_team"
    values_type = TeamDateValues

    def __init__(self, citizen: records.Citizen, plan_id: int | None) -> None:
        super().__init__(context=citizen.name)
        self.citizen = citizen
        self.plan_id = plan_id

    def command(self, values: TeamDateValues) -> plans.OpenPlan | plans.SetTeamMeeting:
        if self.plan_id is None:
            return plans.OpenPlan(citizen_id=self.citizen.id, team_meeting=values.team_meeting)
        return plans.SetTeamMeeting(plan_id=self.plan_id, team_meeting=values.team_meeting)


class DecisionValues(Values):
    recommendation = required(CHOICE, "field.recommendation", choices=choices.RECOMMENDATIONS)
    decision = optional(LONG, "field.decision")
    decided_on = required(DATE, "field.decided_on", default="today", hint="hint.date")


class DecisionForm(FormScreen[DecisionValues]):
    title_key = "form.plan_decision"
    values_type = DecisionValues

    def __init__(self, plan_id: int, context: str) -> None:
        super().__init__(context=context)
        self.plan_id = plan_id

    def command(self, values: DecisionValues) -> plans.RecordDecision:
        return plans.RecordDecision(plan_id=self.plan_id, recommendation=values.recommendation,
                                    decision=values.decision, decided_on=values.decided_on)


class PersonValues(Values):
    role = required(CHOICE, "field.role", choices=choices.NETWORK_ROLES)
    name = required(TEXT, "field.name", limit=200)
    organisation = optional(TEXT, "field.organisation", limit=300)
    contact = optional(TEXT, "field.contact", limit=300)
    starts = optional(DATE, "field.starts", default="today", hint="hint.date")


class PersonForm(FormScreen[PersonValues]):
    title_key = "form.person"
    values_type = PersonValues

    def __init__(self, citizen: records.Citizen, person: records.NetworkPerson | None = None) -> None:
        initial = {f.name: getattr(person, f.name) for f in PersonValues.fields} if person else {}
        super().__init__(context=citizen.name, initial=initial)
        self.citizen = citizen
        self.person = person

    def command(self, values: PersonValues) -> plans.AddPerson | plans.EditPerson:
        if self.person is None:
            return plans.AddPerson(citizen_id=self.citizen.id, role=values.role, name=values.name,
                                   organisation=values.organisation, contact=values.contact, starts=values.starts)
        changes = values.as_dict()
        changes.pop("starts", None)  # the start of a connection is not edited, only its end
        return plans.EditPerson(person_id=self.person.id, changes=changes, expected_version=self.person.version)


class EndPersonValues(Values):
    ends = required(DATE, "field.ends", default="today", hint="hint.date")


class EndPersonForm(FormScreen[EndPersonValues]):
    title_key = "form.person_end"
    values_type = EndPersonValues

    def __init__(self, person: records.NetworkPerson) -> None:
        super().__init__(context=person.name)
        self.person = person

    def command(self, values: EndPersonValues) -> plans.EndPerson:
        return plans.EndPerson(person_id=self.person.id, ends=values.ends)
