"""Every write command there is, so a test can check that each label is unique, stable and in
the catalog, and the undo journal can tell a known label from an old one."""

from __future__ import annotations

from typing import Any

from store.commands import (
    certificates, citizens, course_days, course_follow, courses, decisions, doctor, erasure, hearings, journal_entries,
    meeting_day, meetings, planning, plans, sparring,
)
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
    meeting_day.CitizenCancelled, meeting_day.MoveMeeting, meeting_day.SetPrepared, meeting_day.RecordInvitation,
    course_days.RecordMissedCourseDays, course_follow.SetCourseType,
    hearings.RecordGuidance, hearings.LogHearingContact, hearings.RecordHearingReply,
    certificates.CloseTasks, sparring.DiscussedAtSparring,
)

LABELS: frozenset[str] = frozenset(command.label for command in COMMANDS)
