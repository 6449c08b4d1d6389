"""Dated rule profiles: every number the deadlines depend on, read from `profiles/*.toml`.

A profile covers valid_from..valid_to (inclusive; an open end means "until replaced"). The
profiles must cover one unbroken stretch of time, so every day from the first valid_from on
has exactly one profile; a gap or overlap is an error in the data, reported at load."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from store.rules.fields import Fields, RuleFileError
from store.rules.interval import Interval
from store.rules.workflows import Workflows, read_workflows

PROFILES_DIR = Path(__file__).resolve().parent / "profiles"

_FORM_CODE = re.compile(r"(?:LÆ|LAE)\s*-?\s*(\d{3})")
_MONTH_DAY = re.compile(r"(\d{2})-(\d{2})")
_EASTER = re.compile(r"easter\s*([+-])\s*(\d{1,3})")


class NoProfileError(LookupError):
    """No rule profile covers the day asked about."""


def form_code(text: str) -> str:
    """The canonical form code: "læ125", "LÆ 125" and "LAE-125" all give "LÆ 125"."""
    match = _FORM_CODE.fullmatch(text.strip().upper()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"{text!r} is not a doctor form code such as 'LÆ 125'")
    return f"LÆ {match.group(1)}"


@dataclass(frozen=True, slots=True)
class DoctorForm:
    code: str
    title_da: str
    title_en: str
    needs_consultation: bool
    answer_days: int
    max_days_after_request: int | None = None


@dataclass(frozen=True, slots=True)
class ClosedDay:
    """A local closed day: a fixed month-day ("12-24") or a day relative to Easter Sunday
    ("easter+40" is the Friday after Ascension, "easter+39" Ascension itself)."""

    month: int = 0
    day: int = 0
    easter_offset: int | None = None

    def on(self, year: int) -> date | None:
        """The day in `year`, or None (29 February outside leap years)."""
        if self.easter_offset is not None:
            from dateutil.easter import easter

            return easter(year) + timedelta(days=self.easter_offset)
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One point of the preparatory plan for the rehabilitation team."""

    key: str
    title_da: str
    title_en: str


@dataclass(frozen=True, slots=True)
class RuleProfile:
    name: str
    title: str
    legal_basis: str
    valid_from: date
    valid_to: date | None
    first_meeting_days: int
    default_interval: Interval
    first_period_months: int
    first_period_min_meetings: int
    due_soon_days: int
    course_ending_days: int
    course_report_grace_days: int
    three_party_default_interval: Interval
    hearing_reply_days: int
    sanction_decision_full_months: int
    closed_extra_days: tuple[ClosedDay, ...]
    holiday_country: str
    doctor_forms: tuple[DoctorForm, ...]
    # Ret og pligt til tilbud: the first offer within this many months of the first request
    # (0: no offer deadline in this profile).
    offer_first_months: int = 6
    # The preparatory plan must be complete this many days before the rehabilitation team.
    rehab_team_preparation_days: int = 14
    # A course order without its own report cadence gets this one.
    default_report_cadence: Interval = Interval(months=1)
    # The caseload per caseworker the Lærkevej trial worked with.
    caseload_norm_low: int = 40
    caseload_norm_high: int = 55
    # Case sparring: stuck after this many days without a held meeting or contact; a
    # certificate this many days past its deadline; a course this many days without a report.
    sparring_stuck_days: int = 60
    sparring_certificate_late_days: int = 14
    sparring_course_silent_days: int = 45
    rehab_checklist: tuple[ChecklistItem, ...] = ()
    source: str = ""
    workflows: Workflows = Workflows()

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def form(self, code: str) -> DoctorForm:
        """The form by code (any spelling `form_code` accepts); ValueError lists the known ones."""
        known = ", ".join(form.code for form in self.doctor_forms)
        try:
            wanted = form_code(code)
        except ValueError:
            raise ValueError(f"unknown doctor form {code!r}; known forms: {known}") from None
        for form in self.doctor_forms:
            if form.code == wanted:
                return form
        raise ValueError(f"unknown doctor form {code!r}; known forms: {known}")


def _closed_days(fields: Fields, key: str) -> tuple[ClosedDay, ...]:
    days = []
    for text in fields.texts(key):
        rule = _EASTER.fullmatch(text.strip().lower())
        if rule is not None:
            offset = int(rule.group(2)) * (-1 if rule.group(1) == "-" else 1)
            if abs(offset) > 120:
                raise fields.fail(key, f"{text!r}: an Easter offset must be within 120 days")
            days.append(ClosedDay(easter_offset=offset))
            continue
        match = _MONTH_DAY.fullmatch(text)
        try:
            if match is None:
                raise ValueError
            month, day = int(match.group(1)), int(match.group(2))
            date(2000, month, day)  # a leap year, so "02-29" is accepted
        except ValueError:
            raise fields.fail(
                key, f"{text!r} is not a month-day such as '12-24' or an Easter rule such as 'easter+40'"
            ) from None
        days.append(ClosedDay(month, day))
    return tuple(days)


def _checklist(fields: Fields, key: str) -> tuple[ChecklistItem, ...]:
    items = []
    for item_key, sub in fields.tables(key).items():
        items.append(ChecklistItem(item_key, sub.text("title_da"), sub.text("title_en")))
        sub.done()
    if not items:
        raise fields.fail(key, "must list at least one checklist item")
    return tuple(items)


def _doctor_form(code: str, fields: Fields) -> DoctorForm:
    try:
        canonical = form_code(code)
    except ValueError as error:
        raise fields.fail("", str(error)) from None
    if canonical != code:
        raise fields.fail("", f"write the form code as {canonical!r}")
    form = DoctorForm(
        code=code,
        title_da=fields.text("title_da"),
        title_en=fields.text("title_en"),
        needs_consultation=fields.flag("needs_consultation"),
        answer_days=fields.integer("answer_days", minimum=1),
        max_days_after_request=fields.optional_integer("max_days_after_request", minimum=1),
    )
    if form.needs_consultation and form.max_days_after_request is None:
        # Without a cap there is no deadline at all while the consultation date is unknown.
        raise fields.fail("max_days_after_request", "is required when needs_consultation is true")
    if form.max_days_after_request is not None and form.max_days_after_request < form.answer_days:
        raise fields.fail("max_days_after_request", "must not be shorter than answer_days")
    fields.done()
    return form


def read_profile(path: Path) -> RuleProfile:
    """One profile file, fully validated."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RuleFileError(f"{path.name}: cannot read rule profile: {error}") from None
    f = Fields(path, data)
    profile = RuleProfile(
        name=f.text("name"),
        title=f.text("title"),
        legal_basis=f.text("legal_basis"),
        valid_from=f.day("valid_from"),
        valid_to=f.optional_day("valid_to"),
        first_meeting_days=f.integer("first_meeting_days", minimum=1),
        default_interval=f.interval("default_interval"),
        first_period_months=f.integer("first_period_months", minimum=1),
        first_period_min_meetings=f.integer("first_period_min_meetings"),
        due_soon_days=f.integer("due_soon_days"),
        course_ending_days=f.integer("course_ending_days"),
        course_report_grace_days=f.integer("course_report_grace_days"),
        three_party_default_interval=f.interval("three_party_default_interval"),
        hearing_reply_days=f.integer("hearing_reply_days", minimum=1),
        sanction_decision_full_months=f.integer("sanction_decision_full_months", minimum=1),
        closed_extra_days=_closed_days(f, "closed_extra_days"),
        holiday_country=f.text("holiday_country"),
        doctor_forms=tuple(_doctor_form(code, sub) for code, sub in f.tables("doctor_forms").items()),
        offer_first_months=f.integer("offer_first_months"),
        rehab_team_preparation_days=f.integer("rehab_team_preparation_days"),
        default_report_cadence=f.interval("default_report_cadence"),
        caseload_norm_low=f.integer("caseload_norm_low"),
        caseload_norm_high=f.integer("caseload_norm_high", minimum=1),
        sparring_stuck_days=f.integer("sparring_stuck_days", minimum=1),
        sparring_certificate_late_days=f.integer("sparring_certificate_late_days"),
        sparring_course_silent_days=f.integer("sparring_course_silent_days", minimum=1),
        rehab_checklist=_checklist(f, "rehab_checklist"),
        source=path.name,
        workflows=read_workflows(f.table("workflows")) if "workflows" in data else Workflows(),
    )
    if not re.fullmatch(r"[A-Z]{2}", profile.holiday_country):
        raise f.fail(
            "holiday_country", f"must be a two-letter country code such as 'DK', got {profile.holiday_country!r}"
        )
    if profile.caseload_norm_high < profile.caseload_norm_low:
        raise f.fail("caseload_norm_high", "must not be below caseload_norm_low")
    if profile.valid_to is not None and profile.valid_to < profile.valid_from:
        raise f.fail("valid_to", f"{profile.valid_to} is before valid_from {profile.valid_from}")
    f.done()
    return profile


def check_sequence(profiles: list[RuleProfile]) -> tuple[RuleProfile, ...]:
    """Sort by valid_from and insist on one unbroken, non-overlapping stretch of time."""
    if not profiles:
        raise RuleFileError("no rule profiles found")
    ordered = sorted(profiles, key=lambda p: p.valid_from)
    names: dict[str, str] = {}
    for profile in ordered:
        if profile.name in names:
            raise RuleFileError(f"{profile.source}: key 'name': {profile.name!r} is also used by {names[profile.name]}")
        names[profile.name] = profile.source
    for before, after in zip(ordered, ordered[1:]):
        if before.valid_to is None or before.valid_to >= after.valid_from:
            raise RuleFileError(
                f"{before.source} and {after.source} overlap: {before.source} must end before {after.valid_from}"
            )
        if before.valid_to + timedelta(days=1) != after.valid_from:
            raise RuleFileError(
                f"{before.source} and {after.source} leave a gap: "
                f"{before.valid_to + timedelta(days=1)} to {after.valid_from - timedelta(days=1)} has no profile"
            )
    return tuple(ordered)


@lru_cache(maxsize=8)
def load_profiles(directory: Path = PROFILES_DIR) -> tuple[RuleProfile, ...]:
    """All profiles in `directory`, oldest first. Cached: the files are read once per process."""
    return check_sequence([read_profile(path) for path in sorted(Path(directory).glob("*.toml"))])


def profile_for(day: date, profiles: tuple[RuleProfile, ...] | None = None) -> RuleProfile:
    """The profile in force on `day`; NoProfileError when no profile covers it."""
    profiles = load_profiles() if profiles is None else profiles
    for profile in profiles:
        if profile.covers(day):
            return profile
    first, last = profiles[0], profiles[-1]
    end = last.valid_to.isoformat() if last.valid_to else "open end"
    raise NoProfileError(
        f"no rule profile covers {day.isoformat()}; the profiles cover {first.valid_from.isoformat()} to {end}"
    )


def profile_for_history(day: date, profiles: tuple[RuleProfile, ...] | None = None) -> RuleProfile:
    """Like `profile_for`, but a day before every profile gets the earliest profile.

    Citizens can have been on benefits since before our first profile. Refusing to compute a
    deadline from such an old date would hide the very case that is most overdue, so history
    is judged by the oldest rules we hold (the result is long past and shows as overdue)."""
    profiles = load_profiles() if profiles is None else profiles
    if day < profiles[0].valid_from:
        return profiles[0]
    return profile_for(day, profiles)
