"""Meetings: held, planned and deleted, a no-show accepted or taken to a hearing, cancelled. Every write path through its form, opened the way a caseworker opens it (keys from the main
screen, the citizen screen's `n` menu, `enter` on a line of the red thread, a pane's own key),
filled and saved with ctrl+s: the database holds exactly what was typed and the panes agree."""

from __future__ import annotations

from datetime import datetime

from tests.conftest import TODAY
from tests.app_helpers import settle
from tests.tui.form_helpers import (
    SIZE, errors, fill, find_citizen, new_menu, only_new, open_citizen, row_menu, save, save_and_close, select_line, timeline_key,
)


def _planned_today(f) -> bool:  # type: ignore[no-untyped-def]
    return any(m.status == "planned" and m.start.date() == TODAY for m in f.meetings)


async def test_meeting_held(make_app, demo_store) -> None:
    """h on the citizen screen: today's meeting is held; the deadline counts from today."""
    from tui.forms.meeting import HeldForm

    first = find_citizen(demo_store, _planned_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, first.citizen.id)
        await pilot.press("h")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HeldForm)
        fill(form, summary="Godt møde", agreement="Søger 5 job om ugen")
        await save_and_close(pilot)
        f = demo_store.citizen_file(first.citizen.id)
        held = [m for m in f.meetings if m.start.date() == TODAY]
        assert [(m.status, m.summary, m.agreement) for m in held] == [("held", "Godt møde", "Søger 5 job om ugen")]
        assert f.citizen.due_base == TODAY


async def test_meeting_planned_then_deleted_after_asking(make_app, demo_store) -> None:
    """n m: plan the next one (tomorrow 10.00, 45 minutes, by video, prepared); the delete key
    on that line asks first: n keeps it, j deletes it."""
    from tui.forms.meeting import PlanMeetingForm
    from tui.screens.confirm import ConfirmScreen

    first = find_citizen(demo_store, _planned_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, first.citizen.id)
        form = await new_menu(pilot, "m", PlanMeetingForm)
        fill(form, day="i morgen", time="10", minutes="45", place="video", kind="follow_up", prepared=True,
             preparation_note="Tjek CV")
        await save_and_close(pilot, through_warnings=True)
        meeting = only_new(first.meetings, demo_store.citizen_file(first.citizen.id).meetings)
        assert (meeting.start, meeting.minutes, meeting.place, meeting.kind, meeting.prepared,
                meeting.preparation_note, meeting.status) == (
            datetime(2026, 11, 24, 10, 0), 45, "video", "follow_up", True, "Tjek CV", "planned")

        select_line(app.screen, "meeting", meeting.id)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert any(m.id == meeting.id for m in demo_store.citizen_file(first.citizen.id).meetings)
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert not any(m.id == meeting.id for m in demo_store.citizen_file(first.citizen.id).meetings)
        assert timeline_key(app.screen, "meeting", meeting.id) is None


async def test_no_show_with_the_absence_accepted(make_app, demo_store) -> None:
    """x, accept the absence: no hearing; the form has no default, the caseworker chooses."""
    from tui.forms.meeting import NoShowForm

    second = find_citizen(demo_store, _planned_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, second.citizen.id)
        await pilot.press("x")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, NoShowForm) and form.raw_values()["follow_up"] is None
        fill(form, follow_up="accept")
        await save_and_close(pilot)
        f = demo_store.citizen_file(second.citizen.id)
        missed = [m for m in f.meetings if m.start.date() == TODAY]
        assert [(m.status, m.absence_accepted) for m in missed] == [("no_show", True)]
        assert len(f.hearings) == len(second.hearings)


async def test_no_show_to_a_hearing_then_decided_after_asking(make_app, demo_store) -> None:
    """x, start a hearing: reply and decision deadlines; deciding before the reply deadline
    says why and asks, and a second ctrl+s decides."""
    from tui.forms.meeting import HearingDecisionForm

    third = find_citizen(demo_store, _planned_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_citizen(pilot, third.citizen.id)
        await pilot.press("x")
        await settle(pilot)
        fill(app.screen, follow_up="hearing", trigger="Udeblev uden afbud")
        await save_and_close(pilot)
        f = demo_store.citizen_file(third.citizen.id)
        hearing = only_new(third.hearings, f.hearings)
        missed = next(m for m in f.meetings if m.start.date() == TODAY)
        assert (missed.status, missed.absence_accepted) == ("no_show", False)
        assert (hearing.meeting_id, hearing.trigger, hearing.failure_date, hearing.sent) == (
            missed.id, "Udeblev uden afbud", TODAY, TODAY)
        assert hearing.reply_due > TODAY and hearing.decision_due > TODAY and hearing.decided_on is None

        form = await row_menu(pilot, "hearing", hearing.id, "a")
        assert isinstance(form, HearingDecisionForm)
        fill(form, outcome="no_sanction", decided_on="i dag")
        await save(pilot)
        assert app.screen is form and "kan svare til og med" in errors(form)["decided_on"]
        assert hearing.reply_due.strftime("%d-%m-%Y") in errors(form)["decided_on"]
        await save_and_close(pilot)
        decided = next(h for h in demo_store.citizen_file(third.citizen.id).hearings if h.id == hearing.id)
        assert (decided.outcome, decided.decided_on) == ("no_sanction", TODAY)


async def test_meeting_cancel_and_delete_from_the_row_menu(make_app, demo_store) -> None:
    from tui.screens.confirm import ConfirmScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        f = find_citizen(demo_store, lambda f: any(m.status == "planned" and m.start.date() > TODAY
                                                    for m in f.meetings))
        meeting = next(m for m in f.meetings if m.status == "planned" and m.start.date() > TODAY)
        await open_citizen(pilot, f.citizen.id)
        # enter on the meeting, a: cancel; the question comes first.
        await row_menu(pilot, "meeting", meeting.id, "a")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await settle(pilot)
        now = next(m for m in demo_store.citizen_file(f.citizen.id).meetings if m.id == meeting.id)
        assert now.status == "cancelled"
        # enter on it again, s: delete.
        await row_menu(pilot, "meeting", meeting.id, "s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await settle(pilot)
        assert not any(m.id == meeting.id for m in demo_store.citizen_file(f.citizen.id).meetings)
