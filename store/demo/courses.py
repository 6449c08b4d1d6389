"""Suppliers and their courses, with the progress reports that did (or did not) arrive."""

from __future__ import annotations

from datetime import date, timedelta

from store.db.models import ProgressReport, Supplier, SupplierCourse
from store.demo import names, texts
from store.demo.context import Ctx
from store.demo.person import phone
from store.rules import Interval, expected_report_dates

# Danish letters in a supplier's slug, spelled the ASCII way.
_SLUG_LETTERS: dict[str, str | int | None] = {"æ": "ae", "ø": "oe", "å": "aa"}


def add_suppliers(ctx: Ctx) -> None:
    count = ctx.rng.randint(5, len(names.SUPPLIERS))
    for name, contact in names.SUPPLIERS[:count]:
        slug = name.split()[0].lower().translate(str.maketrans(_SLUG_LETTERS))
        row_id = ctx.rows.add(
            Supplier, name=name, contact=contact, phone=phone(ctx.rng), email=f"kontakt@{slug}.example"
        )
        ctx.suppliers.append((row_id, name))


def add_course(ctx: Ctx, cid: int, start: date, end: date, *, status: str = "active", missing: int = 0,
               cadence: str = "1m", three_party: str | None = None, last_three_party: date | None = None,
               next_step: str | None = None, stop_reason: str | None = None) -> int:
    """A course and the reports expected by today, all received except the last `missing`."""
    rng, today = ctx.rng, ctx.today
    supplier_id, _ = rng.choice(ctx.suppliers)
    course_id = ctx.rows.add(
        SupplierCourse, citizen_id=cid, supplier_id=supplier_id, title=rng.choice(texts.COURSE_TITLES),
        course_type=rng.choice(("praktik", "loentilskud", "vejledning", "vejledning", "mentor", "other")),
        purpose=rng.choice(texts.COURSE_PURPOSES), plan=rng.choice(texts.COURSE_PLANS), start=start, end=end,
        report_cadence=cadence, three_party_interval=three_party, last_three_party=last_three_party,
        status=status, next_step=next_step, stop_reason=stop_reason,
    )
    expected = expected_report_dates(start, end, Interval.parse(cadence), min(today, end))
    for day in expected[:max(0, len(expected) - missing)]:
        received = min(today, day + timedelta(days=rng.randint(-3, 5)))
        read_on = received + timedelta(days=rng.randint(0, 6))
        ctx.rows.add(ProgressReport, course_id=course_id, expected=day, received=received,
                     read_on=read_on if read_on < today else None,
                     summary=rng.choice(texts.REPORT_SUMMARIES) if read_on < today else None)
    return course_id


def random_course(ctx: Ctx, cid: int, first_request: date, active: bool) -> int | None:
    rng, today = ctx.rng, ctx.today
    if not ctx.suppliers or rng.random() >= 0.16 or (today - first_request).days < 60:
        return None
    roll = rng.random()
    if roll < 0.4 or not active:  # an earlier course, finished or stopped
        start = first_request + timedelta(days=rng.randint(20, max(20, (today - first_request).days - 200)))
        end = start + timedelta(days=rng.randint(90, 180))
        if end >= today:
            return None
        if rng.random() < 0.15:
            return add_course(ctx, cid, start, end, status="stopped", missing=1,
                              stop_reason="Borger sygemeldt i længere tid; forløbet gav ikke mening.")
        return add_course(ctx, cid, start, end, status="completed", next_step=rng.choice(texts.NEXT_STEPS))
    if roll < 0.45:  # ordered, starting soon
        start = today + timedelta(days=rng.randint(5, 30))
        return add_course(ctx, cid, start, start + timedelta(days=120), status="ordered")
    start = max(first_request, today - timedelta(days=rng.randint(14, 160)))
    end = max(today + timedelta(days=rng.randint(1, 200)), start + timedelta(days=90))
    three_party = rng.choice((None, "2m", "3m"))
    last_tp = None
    if three_party and (today - start).days > 45:
        last_tp = today - timedelta(days=rng.randint(5, 50))
    next_step = rng.choice(texts.NEXT_STEPS) if (end - today).days < 40 and rng.random() < 0.7 else None
    return add_course(ctx, cid, start, end, missing=int(rng.random() < 0.15), three_party=three_party,
                      last_three_party=last_tp, next_step=next_step,
                      cadence=rng.choice(("1m", "1m", "6w", "2m")))
