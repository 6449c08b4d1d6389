"""`e` on a proposal: the ordinary meeting form, filled in with the proposal, so the caseworker
moves or changes it and saves it as a planned meeting."""

from __future__ import annotations

from store.planning.model import Proposal
from tui.forms.meeting import MeetingCitizen, PlanMeetingForm


class MoveProposalForm(PlanMeetingForm):
    def __init__(self, citizen: MeetingCitizen, proposal: Proposal) -> None:
        kind = "three_party" if proposal.need.kind == "three_party" else "job"
        super().__init__(citizen, kind=kind, course_id=proposal.need.course_id)
        self.initial.update(day=proposal.start.date(), time=proposal.start.time(), minutes=proposal.minutes,
                            place=proposal.place)
