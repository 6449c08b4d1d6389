"""A citizen's past: held meetings back to the first request, the odd no-show or
cancellation, calls and texts around them, case notes and absences.

Built backwards from the last held meeting, which the shape has already fixed, so the
stored deadline comes out as intended whatever happened earlier."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from store.db.models import Absence, CaseNote, ContactEntry, Meeting
from store.demo import texts
from store.demo.calendar import SLOTS, at
from store.demo.context import Ctx
from store.demo.shape import Shape, place

EARLY_DAYS = 183  # the first six months want more meetings (4 in 6 months)
MINUTES = (30, 45, 60, 60, 60, 90)


@dataclass
class Story:
    """What later builders need to know about the history just written."""

    held: list[date] = field(default_factory=list)
    no_shows: list[tuple[int, date]] = field(default_factory=list)  # meeting id, day


def held_days(ctx: Ctx, shape: Shape) -> list[date]:
    if shape.last_held is None:
        return []
    rng, days = ctx.rng, ctx.days
    found = [shape.last_held]
    floor = shape.first_request + timedelta(days=7)
    while True:
        current = found[-1]
        if current <= shape.first_request + timedelta(days=EARLY_DAYS):
            gap = rng.randint(25, 50)
        else:
            gap = rng.randint(shape.interval_days * 3 // 5, shape.interval_days * 19 // 20)
        previous = days.on_or_before(current - timedelta(days=gap))
        if previous <= floor:
            break
        found.append(previous)
    first = days.on_or_after(shape.first_request + timedelta(days=ctx.rng.randint(1, 6)))
    if first < found[-1] - timedelta(days=7):
        found.append(first)
    found.reverse()
    return found


def _detail(ctx: Ctx, where: str) -> str | None:
    if where == "jobcentre":
        return ctx.rng.choice(("Mødelokale 2", "Stue 1.14", None, None))
    if where == "supplier" and ctx.suppliers:
        return ctx.rng.choice(ctx.suppliers)[1]
    if where == "residential":
        return "Botilbuddet Kastanjegården"
    return None


def add_meeting(ctx: Ctx, cid: int, start: datetime, status: str, *, where: str | None = None,
                kind: str = "job", prepared: bool = False, course_id: int | None = None,
                accepted: bool = False, minutes: int | None = None) -> int:
    rng = ctx.rng
    where = where or place(rng)
    held = status == "held"
    if not ctx.days.is_open(start.date()):
        # The jobcentre is closed: a past meeting was on the open day before, a coming one is
        # booked on the open day after.
        day = ctx.days.on_or_after(start.date()) if start.date() > ctx.today else ctx.days.on_or_before(start.date())
        start = datetime.combine(day, start.time())
    # The indkaldelse went out one to three weeks before, mostly by Digital Post; now and then
    # a meeting of the coming week is not called in yet, which the Today pane then says.
    invited_on, invited_via = None, None
    soon = status == "planned" and (start.date() - ctx.today).days <= 7
    if not (soon and rng.random() < 0.25):
        invited_on = min(ctx.today, start.date() - timedelta(days=rng.randint(7, 21)))
        invited_via = rng.choice(("digital_post", "digital_post", "digital_post", "letter", "sms", "phone"))
    return ctx.rows.add(
        Meeting, citizen_id=cid, start=start, day=start.date(), minutes=minutes or rng.choice(MINUTES),
        place=where, place_detail=_detail(ctx, where), kind=kind, status=status, prepared=prepared or held,
        preparation_note=rng.choice(texts.PREPARATION) if prepared and rng.random() < 0.5 else None,
        summary=rng.choice(texts.SUMMARIES) if held else None,
        agreement=rng.choice(texts.AGREEMENTS) if held and rng.random() < 0.7 else None,
        absence_accepted=accepted, course_id=course_id, invited_on=invited_on, invited_via=invited_via,
    )


def add_contact(ctx: Ctx, cid: int, when: datetime, channel: str, direction: str, reached: bool, note: str) -> None:
    ctx.rows.add(
        ContactEntry, citizen_id=cid, at=when, channel=channel, direction=direction, reached=reached, note=note
    )


def _clock(ctx: Ctx, day: date) -> datetime:
    return datetime.combine(day, time(ctx.rng.randint(8, 15), ctx.rng.choice((0, 10, 20, 30, 40, 50))))


def _random_contact(ctx: Ctx, cid: int, day: date) -> None:
    rng = ctx.rng
    channel = "sms" if rng.random() < 0.4 else "phone"
    if rng.random() < 0.5:
        add_contact(ctx, cid, _clock(ctx, day), channel, "in", True, rng.choice(texts.CONTACT_IN))
    else:
        reached = rng.random() < 0.75
        note = rng.choice(texts.CONTACT_OUT if reached else texts.NOT_REACHED)
        add_contact(ctx, cid, _clock(ctx, day), channel, "out", reached, note)


def no_show(ctx: Ctx, cid: int, start: datetime, *, accepted: bool = False) -> int:
    """A missed meeting and the caseworker's attempts to reach the citizen the same day."""
    meeting = add_meeting(ctx, cid, start, "no_show", accepted=accepted)
    later = start + timedelta(minutes=20)
    add_contact(ctx, cid, later, "phone", "out", False, texts.NOT_REACHED[0])
    add_contact(ctx, cid, later + timedelta(minutes=5), "sms", "out", True, "Fulgte op på udeblivelse.")
    return meeting


def write_history(ctx: Ctx, cid: int, shape: Shape) -> Story:
    rng, today = ctx.rng, ctx.today
    story = Story(held=held_days(ctx, shape))
    previous = shape.first_request
    for day in story.held:
        # Now and then an earlier attempt at this meeting failed: a no-show or a cancellation.
        missed = ctx.days.on_or_before(day - timedelta(days=rng.randint(3, 10))) if rng.random() < 0.07 else None
        if missed is not None and missed > previous:
            if rng.random() < 0.5:
                accepted = rng.random() < 0.4
                meeting = no_show(ctx, cid, at(missed, rng.choice(SLOTS)), accepted=accepted)
                if not accepted:  # an accepted absence never leads to a hearing
                    story.no_shows.append((meeting, missed))
            elif rng.random() < 0.7:  # the citizen's afbud, the day before
                add_meeting(ctx, cid, at(missed, rng.choice(SLOTS)), "afbud")
                add_contact(ctx, cid, _clock(ctx, missed - timedelta(days=1)), "sms", "in", True, "Afbud: syg.")
            else:  # the jobcentre called it off
                add_meeting(ctx, cid, at(missed, rng.choice(SLOTS)), "cancelled")
                add_contact(ctx, cid, _clock(ctx, missed - timedelta(days=2)), "sms", "out", True, "Samtalen aflyst; ny tid følger.")
        if (day - previous).days > 10 and rng.random() < 0.5:
            _random_contact(ctx, cid, previous + timedelta(days=rng.randint(2, (day - previous).days - 2)))
        start = at(day, rng.choice(SLOTS))
        where = shape.preferred_place if shape.preferred_place and rng.random() < 0.7 else None
        add_meeting(ctx, cid, start, "held", where=where, kind="job" if rng.random() < 0.8 else "follow_up")
        if rng.random() < 0.45:
            reminder = datetime.combine(day - timedelta(days=1), time(15, 0))
            add_contact(ctx, cid, reminder, "sms", "out", True, f"Påmindelse om samtale i morgen kl. {start:%H.%M}.")
        if rng.random() < 0.5:
            ctx.rows.add(CaseNote, citizen_id=cid, at=start + timedelta(minutes=75), text=rng.choice(texts.NOTES))
        previous = day
    if len(story.held) > 2 and rng.random() < 0.25:
        _past_absence(ctx, cid, story.held)
    if shape.ongoing_absence:
        kind, first, last = shape.ongoing_absence
        ctx.rows.add(Absence, citizen_id=cid, kind=kind, first_day=first, last_day=last,
                     note="Sygemeldt, lægeerklæring modtaget." if kind == "sickness" else None)
    if shape.planned is not None:
        add_meeting(ctx, cid, shape.planned, "planned", where=shape.planned_place, prepared=shape.planned_prepared)
        if shape.planned.date() > today and rng.random() < 0.4:
            add_contact(ctx, cid, _clock(ctx, today - timedelta(days=rng.randint(1, 10))), "sms", "out", True,
                        f"Indkaldelse til samtale {shape.planned:%d-%m} kl. {shape.planned:%H.%M}.")
    return story


def _past_absence(ctx: Ctx, cid: int, held: list[date]) -> None:
    """Sickness or holiday inside one gap between held meetings (nobody is met while ill)."""
    rng = ctx.rng
    i = rng.randrange(len(held) - 1)
    gap = (held[i + 1] - held[i]).days
    if gap < 12:
        return
    first = held[i] + timedelta(days=rng.randint(2, gap // 3))
    length = rng.randint(3, max(3, min(30, (held[i + 1] - first).days - 3)))
    kind = rng.choice(("sickness", "sickness", "holiday", "other"))
    last = first + timedelta(days=length - 1)
    ctx.rows.add(Absence, citizen_id=cid, kind=kind, first_day=first, last_day=last, note=None)
