"""Certificate requests (LÆ forms) with deadlines from the rules, so the demo's 'late'
certificates are late by the same rule the program judges them by."""

from __future__ import annotations

from datetime import date, timedelta

from store.db.models import DoctorRequest
from store.demo import names, texts
from store.demo.context import Ctx
from store.rules import doctor_answer_due, profile_for_history

# How often each form is ordered; a form the profile in force does not know is skipped.
FORM_WEIGHTS = (("LÆ 125", 40), ("LÆ 135", 15), ("LÆ 145", 8), ("LÆ 265", 15), ("LÆ 105", 5),
                ("LÆ 115", 5), ("LÆ 155", 6), ("LÆ 275", 6))


def add_request(ctx: Ctx, cid: int, form: str, sent: date, *, answered: date | None = None,
                consultation: date | None = None, status: str | None = None) -> int:
    """One request; answer_due as the rules compute it. Open requests past their due day
    get the reminders a caseworker would have sent."""
    rng = ctx.rng
    profile = profile_for_history(sent)
    due = doctor_answer_due(form, sent, consultation, profile)
    status = status or ("answered" if answered else "sent")
    reminders, last_reminder = 0, None
    chased_until = answered or ctx.today
    if status != "cancelled" and due + timedelta(days=3) <= chased_until:
        reminders = 1 + int((chased_until - due).days > 17)
        last_reminder = due + timedelta(days=3 + 14 * (reminders - 1))
    return ctx.rows.add(
        DoctorRequest, citizen_id=cid, form=form, doctor=rng.choice(names.DOCTORS),
        questions=rng.choice(texts.DOCTOR_QUESTIONS), sent=sent, consultation=consultation, answer_due=due,
        answered=answered, answer_use=rng.choice(texts.ANSWER_USE) if answered else None, status=status,
        reminders=reminders, last_reminder=last_reminder,
    )


def pick_form(ctx: Ctx, sent: date) -> str:
    known = {form.code for form in profile_for_history(sent).doctor_forms}
    choices = [(code, weight) for code, weight in FORM_WEIGHTS if code in known]
    return ctx.rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def consultation_for(ctx: Ctx, form: str, sent: date) -> date | None:
    if not profile_for_history(sent).form(form).needs_consultation:
        return None
    return sent + timedelta(days=ctx.rng.randint(5, 20))


def random_requests(ctx: Ctx, cid: int, first_request: date) -> None:
    rng, today = ctx.rng, ctx.today
    if rng.random() >= 0.18:
        return
    span = (today - first_request).days
    if span < 3:
        return
    sent = ctx.days.on_or_before(today - timedelta(days=rng.randint(1, min(span, 700))))
    if sent < first_request:
        return
    form = pick_form(ctx, sent)
    consultation = consultation_for(ctx, form, sent)
    if consultation is not None and consultation > today:
        consultation = None if rng.random() < 0.5 else consultation
    recent = (today - sent).days < 45
    if recent and rng.random() < 0.6:
        add_request(ctx, cid, form, sent, consultation=consultation)
        return
    if rng.random() < 0.06:
        add_request(ctx, cid, form, sent, consultation=consultation, status="cancelled")
        return
    answered = sent + timedelta(days=rng.randint(6, 40))
    if answered > today:
        add_request(ctx, cid, form, sent, consultation=consultation)
    else:
        seen = consultation if consultation and consultation <= answered else None
        add_request(ctx, cid, form, sent, consultation=seen, answered=answered)
