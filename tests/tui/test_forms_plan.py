"""The preparatory plan and the people around the citizen. Every write path through its form, opened the way a caseworker opens it (keys from the main
screen, the citizen screen's `n` menu, `enter` on a line of the red thread, a pane's own key),
filled and saved with ctrl+s: the database holds exactly what was typed and the panes agree."""

from __future__ import annotations

from datetime import date

from tests.conftest import TODAY
from tests.app_helpers import settle
from tests.tui.form_helpers import (
    SIZE, fill, find_citizen, new_menu, only_new, open_citizen, row_menu, save_and_close, timeline_key,
)


async def test_plan_team_date_ticks_decision_and_people(make_app, demo_store) -> None:
    from tui.forms.plan import DecisionForm, EndPersonForm, PersonForm, TeamDateForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = find_citizen(demo_store, lambda f: not f.plans and not f.network)
        cid = before.citizen.id
        await open_citizen(pilot, cid)

        # n r with no open plan: the team date opens the plan with its checklist.
        form = await new_menu(pilot, "r", TeamDateForm)
        assert form.plan_id is None
        fill(form, team_meeting="15-12-2026")
        await save_and_close(pilot)
        plan = only_new((), demo_store.citizen_file(cid).plans)
        # The checklist comes from the rule profile and includes "borgerens ønsker".
        assert (plan.status, plan.team_meeting, len(plan.items)) == ("open", date(2026, 12, 15), 7)
        assert "citizen_wishes" in [i.key for i in plan.items]
        assert not any(i.done for i in plan.items)

        # enter on the plan, t: move the team date.
        form = await row_menu(pilot, "plan", plan.id, "t")
        assert isinstance(form, TeamDateForm) and form.plan_id == plan.id
        fill(form, team_meeting="uge 2")
        await save_and_close(pilot)
        assert demo_store.citizen_file(cid).plans[0].team_meeting == date(2027, 1, 11)

        # enter, 1 and 3: tick two checklist items.
        await row_menu(pilot, "plan", plan.id, "1")
        await row_menu(pilot, "plan", plan.id, "3")
        items = demo_store.citizen_file(cid).plans[0].items
        assert [(i.done, i.done_on) for i in items] == [
            (True, TODAY), (False, None), (True, TODAY), (False, None), (False, None), (False, None), (False, None)]

        # enter, b: the recommendation and decision.
        form = await row_menu(pilot, "plan", plan.id, "b")
        assert isinstance(form, DecisionForm)
        fill(form, recommendation="fleksjob", decision="Teamet anbefaler fleksjob")
        await save_and_close(pilot)
        decided = demo_store.citizen_file(cid).plans[0]
        assert (decided.status, decided.recommendation, decided.decision, decided.decided_on) == (
            "decided", "fleksjob", "Teamet anbefaler fleksjob", TODAY)

        # n p: a person around the citizen.
        form = await new_menu(pilot, "p", PersonForm)
        fill(form, role="mentor", name="Hanne Mentor", organisation="Mentorhuset", contact="20 30 40 50",
             starts="i dag")
        await save_and_close(pilot)
        person = only_new((), demo_store.citizen_file(cid).network)
        assert (person.role, person.name, person.organisation, person.contact, person.starts, person.ends) == (
            "mentor", "Hanne Mentor", "Mentorhuset", "20 30 40 50", TODAY, None)

        # enter on the person, e: edit (the form starts from what is stored).
        form = await row_menu(pilot, "network", person.id, "e")
        assert isinstance(form, PersonForm) and form.raw_values()["name"] == "Hanne Mentor"
        fill(form, role="social_services", contact="hanne@kommune.dk")
        await save_and_close(pilot)
        edited = demo_store.citizen_file(cid).network[0]
        assert (edited.role, edited.name, edited.contact, edited.starts, edited.version) == (
            "social_services", "Hanne Mentor", "hanne@kommune.dk", TODAY, person.version + 1)

        # enter on the person, a: the connection ends today.
        form = await row_menu(pilot, "network", person.id, "a")
        assert isinstance(form, EndPersonForm)
        await save_and_close(pilot)
        assert demo_store.citizen_file(cid).network[0].ends == TODAY


async def test_person_without_start_date_can_be_ended(make_app, demo_store) -> None:
    from tui.forms.plan import EndPersonForm, PersonForm

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cid = find_citizen(demo_store, lambda f: not f.network).citizen.id
        await open_citizen(pilot, cid)
        form = await new_menu(pilot, "p", PersonForm)
        fill(form, role="mentor", name="Uden Startdato")
        await save_and_close(pilot)
        person = only_new((), demo_store.citizen_file(cid).network)
        assert timeline_key(app.screen, "network", person.id) is not None, "not in the red thread"
        form = await row_menu(pilot, "network", person.id, "a")
        assert isinstance(form, EndPersonForm)
        await save_and_close(pilot)
        assert demo_store.citizen_file(cid).network[0].ends == TODAY
