"""Planned meetings as an RFC 5545 calendar, for the caseworker's phone or Outlook.

A calendar leaves the program's protection (it syncs to a phone, a cloud, a shared screen),
so it carries when and where only: the citizen's initials, never CPR, notes or the
preparation note, which is often health information."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import Engine, select

from store.db.models import Citizen, Meeting
from store.db.session import reading
from store.exports.uid_domain import uid_domain
from store.queries.common import active_citizens

Label = Callable[..., str]
TZ = ZoneInfo("Europe/Copenhagen")


def clean(text: str) -> str:
    """RFC 5545 forbids control characters in a text value (3.3.11); a pasted escape sequence
    or NUL in a name or a place is dropped, and a line break becomes a space."""
    return "".join(" " if ch in "\r\n\t" else ch for ch in text
                   if ch in "\r\n\t" or not (ord(ch) < 32 or 127 <= ord(ch) < 160)).strip()


def initials(name: str) -> str:
    """"Anne-Marie Østergaard" -> "A.Ø.": enough for the caseworker, little for a stranger."""
    return "".join(f"{part[0].upper()}." for part in name.split() if part)


def default_range(today: date) -> tuple[date, date]:
    return today - timedelta(days=30), today + timedelta(days=180)


def _meetings(engine: Engine, start: date, end: date, caseworker: str | None, include_cancelled: bool):  # type: ignore[no-untyped-def]
    statuses = ("planned", "cancelled") if include_cancelled else ("planned",)
    stmt = (
        select(Meeting, Citizen.name)
        .join(Citizen, Citizen.id == Meeting.citizen_id)
        .where(Meeting.day >= start, Meeting.day <= end, Meeting.status.in_(statuses))
        .order_by(Meeting.start, Meeting.id)
    )
    with reading(engine) as s:
        return list(s.execute(active_citizens(stmt, caseworker)))


def _utc(value: datetime) -> datetime:
    # Tracked timestamps are naive UTC (store.db.base.utcnow).
    return value.replace(tzinfo=timezone.utc)


def _event(meeting: Meeting, name: str, domain: str, *, label: Label, full_names: bool) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.id}@{domain}")
    # version starts at 1 and every edit (moved, cancelled, re-placed) bumps it, which is
    # exactly what SEQUENCE must do for a calendar to replace its older copy.
    event.add("sequence", max(meeting.version - 1, 0))
    # The row's last change, not the export time: an unchanged meeting exports byte-identical.
    event.add("dtstamp", _utc(meeting.updated_at))
    event.add("last-modified", _utc(meeting.updated_at))
    start = meeting.start.replace(tzinfo=TZ)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=meeting.minutes))
    event.add("summary", clean(label("exports.ics.summary", who=clean(name) if full_names else initials(clean(name)))))
    # The place's detail is often a residential home or a treatment centre: as telling as a
    # full name, so it goes with the same rule as the summary.
    place = clean(label(f"place.{meeting.place}"))
    detail = clean(meeting.place_detail or "") if full_names else ""
    event.add("location", f"{place}, {detail}" if detail else place)
    event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
    event.add("class", "PRIVATE")
    return event


def meetings_ics(
    engine: Engine,
    *,
    start: date,
    end: date,
    label: Label,
    caseworker: str | None = None,
    full_names: bool = False,
    include_cancelled: bool = False,
) -> tuple[bytes, int]:
    """The calendar file and how many meetings it holds. Creates the database's UID domain
    on the first export (the one write an export makes)."""
    domain = uid_domain(engine)
    cal = Calendar()
    cal.add("prodid", "-//Sagsdag//Sagsdag//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", label("exports.ics.calendar_name"))
    rows = _meetings(engine, start, end, caseworker, include_cancelled)
    for meeting, name in rows:
        cal.add_component(_event(meeting, name, domain, label=label, full_names=full_names))
    # Receivers need the zone's rules inside the file. Whole years of them: a range cut
    # mid-year makes icalendar open with a synthetic rule some calendar programs misread,
    # and all of 1970-2038 would only make the file larger.
    cal.add_missing_timezones(first_date=date(start.year, 1, 1), last_date=date(end.year + 1, 1, 1))
    return cal.to_ical(), len(rows)
