"""Every write command there is, so a test can check that each label is unique, stable and in
the catalog, and the undo journal can tell a known label from an old one."""

from __future__ import annotations

from typing import Any

from store.commands import citizens, courses, decisions, doctor, erasure, journal_entries, meetings, planning, plans
from store.commands.base import Command

COMMANDS: tuple[type[Command[Any]], ...] = (
    citizens.CreateCitizen, citizens.EditCitizen, citizens.SetInterval, citizens.CloseCase, citizens.ReopenCase,
    citizens.AddFlag, citizens.EndFlag,
    meetings.PlanMeeting, meetings.EditMeeting, meetings.MarkHeld, meetings.CancelMeeting, meetings.MarkNoShow,
    meetings.DecideHearing, meetings.DeleteMeeting,
    journal_entries.LogContact, journal_entries.AddNote, journal_entries.EditNote, journal_entries.AddTask,
    journal_entries.CompleteTask, journal_entries.AddAbsence, journal_entries.DeleteEntry,
    doctor.OrderCertificate, doctor.SetConsultation, doctor.RegisterAnswer, doctor.RecordUse, doctor.SendReminder,
    doctor.CancelCertificate,
    courses.OrderCourse, courses.RegisterReport, courses.MarkReportRead, courses.ThreePartyHeld,
    courses.AdjustCourse, courses.StopCourse, courses.SetNextStep,
    plans.OpenPlan, plans.TickPlanItem, plans.SetTeamMeeting, plans.RecordDecision, plans.AddPerson,
    plans.EditPerson, plans.EndPerson,
    erasure.DeleteCitizen, planning.AcceptPlan,
    decisions.DecideHearing, decisions.NoShowToHearing, decisions.AcceptAbsence, decisions.DecideNoShow,
)

LABELS: frozenset[str] = frozenset(command.label for command in COMMANDS)
