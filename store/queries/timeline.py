"""The red thread: every event of one citizen's case as one list, newest first.

Built from the CitizenFile so the timeline can never miss a kind of record the citizen screen
shows. `kind` and `status` are codes the UI translates; `title` and `detail` are the
caseworker's own words as stored, never rewritten here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from store import records
from store.queries.citizen_file import citizen_file
from store.queries.screen_rows import TimelineEntry
from store.rules import profile_for, profile_for_history, rehab_preparation_due
from store.rules.day_rules import not_invited

# Same moment: the order a caseworker reads a day in (plan -> meeting -> what followed).
KIND_ORDER = (
    "plan", "meeting", "contact", "note", "doctor", "doctor_answer", "course", "report", "course_end",
    "absence", "course_absence", "hearing", "hearing_reply", "hearing_decision", "plan_prep", "sparring", "task",
    "network",
)


def _day(value: date) -> datetime:
    return datetime.combine(value, time.min)


def _first_line(text: str | None) -> str:
    return (text or "").strip().split("\n", 1)[0].strip()


def _joined(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def _entries(f: records.CitizenFile, today: date) -> Iterator[TimelineEntry]:
    warn = profile_for(today).workflows.invite_warn_days
    for m in f.meetings:
        detail = m.summary or m.agreement or m.preparation_note or ""
        status = "not_invited" if not_invited(m.start.date(), m.status, m.invited_on, today, warn) else m.status
        yield TimelineEntry(m.start, "meeting", m.id, m.place_detail or "", detail, status)
    for c in f.contacts:
        yield TimelineEntry(c.at, "contact", c.id, _first_line(c.note), c.note or "",
                            "reached" if c.reached else "not_reached", channel=c.channel, direction=c.direction)
    for n in f.notes:
        yield TimelineEntry(n.at, "note", n.id, _first_line(n.text), n.text)
    for d in f.doctor_requests:
        title = _joined(d.form, d.doctor)
        yield TimelineEntry(_day(d.sent), "doctor", d.id, title, d.questions or "", d.status)
        if d.answered is not None:
            yield TimelineEntry(_day(d.answered), "doctor_answer", d.id, title, d.answer_use or "", "answered")
    for course in f.courses:
        title = _joined(course.supplier_name, course.title)
        yield TimelineEntry(_day(course.start), "course", course.id, title, course.purpose or "", course.status)
        # The planned end is shown too: a course ending soon without a next step is news.
        ending = course.stop_reason or course.next_step or ""
        yield TimelineEntry(_day(course.end), "course_end", course.id, title, ending, course.status)
        for r in course.reports:
            # Unread stays visible in the thread until it is marked read.
            yield TimelineEntry(_day(r.received), "report", r.id, title, r.summary or "",
                                "read" if r.read_on else "unread")
    for a in f.absences:
        yield TimelineEntry(_day(a.first_day), "absence", a.id, _first_line(a.note), a.note or "", a.kind)
    for h in f.hearings:
        state = "done" if h.decided_on is not None else "replied" if h.reply_on is not None else "open"
        yield TimelineEntry(_day(h.failure_date), "hearing", h.id, _first_line(h.trigger), h.trigger, state)
        if h.reply_on is not None:
            yield TimelineEntry(_day(h.reply_on), "hearing_reply", h.id, _first_line(h.reply_text), h.reply_text or "")
        if h.decided_on is not None:
            yield TimelineEntry(_day(h.decided_on), "hearing_decision", h.id, _first_line(h.trigger),
                                h.reasoning or h.trigger, h.outcome)
    titles = {c.id: _joined(c.supplier_name, c.title) for c in f.courses}
    for ca in f.course_absences:
        yield TimelineEntry(_day(ca.first_day), "course_absence", ca.id, titles.get(ca.course_id, ""), ca.note or "",
                            ca.outcome)
    for sn in f.sparring_notes:
        yield TimelineEntry(_day(sn.on), "sparring", sn.id, _first_line(sn.note), sn.note or "")
    for p in f.plans:
        if p.team_meeting is not None:
            # Once decided, the team's recommendation is what the thread should show.
            status = p.recommendation if p.status == "decided" and p.recommendation else p.status
            yield TimelineEntry(_day(p.team_meeting), "plan", p.id, _first_line(p.decision), p.decision or "", status)
            if p.status == "open":
                # The team date brings its preparation deadline (profile data).
                ready = all(item.done for item in p.items)
                yield TimelineEntry(_day(rehab_preparation_due(p.team_meeting, profile_for_history(p.team_meeting))), "plan_prep", p.id,
                                    "", "", "done" if ready else "open")
    # Undated tasks and people are placed at today (a done task at its day): every line must be
    # reachable in the thread, since that is where it is edited, ended or marked done.
    for t in f.tasks:
        when = t.due or t.done_on or today
        yield TimelineEntry(_day(when), "task", t.id, t.title, "", "done" if t.done_on else "open")
    for person in f.network:
        yield TimelineEntry(_day(person.starts or today), "network", person.id,
                            _joined(person.name, person.organisation), person.contact or "", person.role)


def _order(entry: TimelineEntry) -> tuple[datetime, int, int]:
    return (entry.at, -KIND_ORDER.index(entry.kind), entry.ref_id)


def timeline_of(f: records.CitizenFile, today: date) -> list[TimelineEntry]:
    return sorted(_entries(f, today), key=_order, reverse=True)


def timeline(session: Session, citizen_id: int, today: date) -> list[TimelineEntry]:
    return timeline_of(citizen_file(session, citizen_id, today), today)
