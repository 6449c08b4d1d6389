from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from store.rules import Interval, NoProfileError, RuleFileError, load_profiles, profile_for, profile_for_history
from store.rules.profile import PROFILES_DIR, ClosedDay, form_code
from tests.rules.helpers import d

LAB_FILE = (PROFILES_DIR / "2025-lab.toml").read_text(encoding="utf-8")
REFORM_FILE = (PROFILES_DIR / "2026-reform.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("day", "name"),
    [
        ("2020-01-01", "2025-lab"),
        ("2025-07-01", "2025-lab"),
        ("2026-06-30", "2025-lab"),
        ("2026-07-01", "2026-reform"),
        ("2040-01-01", "2026-reform"),
    ],
)
def test_profile_for(day: str, name: str) -> None:
    assert profile_for(d(day)).name == name


def test_no_profile_before_the_first() -> None:
    with pytest.raises(NoProfileError, match="no rule profile covers 2019-12-31; the profiles cover 2020-01-01 to open end"):
        profile_for(d("2019-12-31"))


def test_history_falls_back_to_the_earliest_profile() -> None:
    assert profile_for_history(d("2015-03-01")).name == "2025-lab"
    assert profile_for_history(d("2026-07-01")).name == "2026-reform"


def test_shipped_profiles_hold_the_domain_numbers() -> None:
    lab, reform = load_profiles()
    assert (lab.valid_from, lab.valid_to) == (d("2020-01-01"), d("2026-06-30"))
    assert (reform.valid_from, reform.valid_to) == (d("2026-07-01"), None)
    for profile in (lab, reform):
        assert profile.first_meeting_days == 7
        assert profile.default_interval == Interval(months=3)
        assert (profile.first_period_months, profile.first_period_min_meetings) == (6, 4)
        assert profile.due_soon_days == 7
        assert profile.course_ending_days == 14
        assert profile.hearing_reply_days == 14
        assert profile.sanction_decision_full_months == 3
        assert profile.closed_extra_days == (ClosedDay(6, 5), ClosedDay(12, 24), ClosedDay(12, 31))
        # The first offer within 6 months arrives with the reform; the older profile has none.
        assert profile.offer_first_months == (6 if profile is reform else 0)
        assert profile.rehab_team_preparation_days == 14
        assert profile.default_report_cadence == Interval(months=1)
        assert (profile.caseload_norm_low, profile.caseload_norm_high) == (40, 55)
        assert profile.sparring_stuck_days == 60
        assert [item.key for item in profile.rehab_checklist] == [
            "goals", "resources", "challenges", "earlier_efforts", "benefit_history", "citizen_wishes", "lae265",
        ]
        assert profile.holiday_country == "DK"
        assert [f.code for f in profile.doctor_forms] == [
            "LÆ 105", "LÆ 115", "LÆ 125", "LÆ 135", "LÆ 145", "LÆ 155", "LÆ 265", "LÆ 275",
        ]
    # Until the reform's details are known it changes nothing but its name and dates, and
    # brings the first offer within 6 months.
    same = {"name", "title", "legal_basis", "valid_from", "valid_to", "source", "offer_first_months"}
    for field in dataclasses.fields(lab):
        if field.name not in same:
            assert getattr(lab, field.name) == getattr(reform, field.name), field.name


def test_load_is_cached() -> None:
    assert load_profiles() is load_profiles()


@pytest.mark.parametrize(
    ("text", "code"), [("LÆ 125", "LÆ 125"), ("læ125", "LÆ 125"), (" LAE-145 ", "LÆ 145"), ("Læ 265", "LÆ 265")]
)
def test_form_code(text: str, code: str) -> None:
    assert form_code(text) == code


@pytest.mark.parametrize("text", ["", "LÆ", "LÆ 12", "125", "FP 125"])
def test_form_code_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a doctor form code"):
        form_code(text)


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    return directory


def load_one(tmp_path: Path, text: str):
    return load_profiles(write(tmp_path / "p", "x.toml", text))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("first_meeting_days = 7", "", "x.toml: key 'first_meeting_days': is missing"),
        ("first_meeting_days = 7", 'first_meeting_days = "7"', "x.toml: key 'first_meeting_days': must be a whole number"),
        ("first_meeting_days = 7", "first_meeting_days = 0", "x.toml: key 'first_meeting_days': must be at least 1"),
        ("due_soon_days = 7", "due_soon_days = 7\ndue_son_days = 3", "x.toml: key 'due_son_days': is not a known key"),
        ('default_interval = "3m"', 'default_interval = "3 months"', "x.toml: key 'default_interval': cannot read interval"),
        ('default_interval = "3m"', 'default_interval = "0m"', "x.toml: key 'default_interval': interval must be longer than zero"),
        ('"06-05", ', '"06-31", ', "x.toml: key 'closed_extra_days': '06-31' is not a month-day"),
        ('"06-05", ', '"easter+400", ', "x.toml: key 'closed_extra_days': 'easter+400': an Easter offset must be within 120 days"),
        ('"06-05", ', '"ascension", ', "x.toml: key 'closed_extra_days': 'ascension' is not a month-day such as '12-24' or an Easter rule"),
        ("caseload_norm_high = 55", "caseload_norm_high = 30", "x.toml: key 'caseload_norm_high': must not be below"),
        ("valid_from = 2020-01-01", 'valid_from = "2020-01-01"', "x.toml: key 'valid_from': must be a date"),
        ("valid_from = 2020-01-01", "valid_from = 2020-01-01T08:00:00", "x.toml: key 'valid_from': must be a date"),
        ("valid_to = 2026-06-30", "valid_to = 2019-06-30", "x.toml: key 'valid_to': 2019-06-30 is before valid_from"),
        ('holiday_country = "DK"', 'holiday_country = "Danmark"', "x.toml: key 'holiday_country': must be a two-letter"),
        ('[doctor_forms."LÆ 105"]', '[doctor_forms."LÆ105"]', "x.toml: key 'doctor_forms.LÆ105': write the form code as 'LÆ 105'"),
        ("needs_consultation = false\nanswer_days = 14  # verify\n\n[doctor_forms.\"LÆ 115\"]",
         "needs_consultation = true\nanswer_days = 14\n\n[doctor_forms.\"LÆ 115\"]",
         "x.toml: key 'doctor_forms.LÆ 105.max_days_after_request': is required when needs_consultation"),
        ("max_days_after_request = 30\n\n[doctor_forms.\"LÆ 145\"]", "max_days_after_request = 10\n\n[doctor_forms.\"LÆ 145\"]",
         "x.toml: key 'doctor_forms.LÆ 135.max_days_after_request': must not be shorter than answer_days"),
        ("needs_consultation = false\nanswer_days = 14\n", "needs_consultation = 0\nanswer_days = 14\n",
         "x.toml: key 'doctor_forms.LÆ 125.needs_consultation': must be true or false"),
        ('name = "2025-lab"', 'name = ""', "x.toml: key 'name': must be non-empty text"),
    ],
)
def test_validation_names_file_and_key(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in LAB_FILE
    with pytest.raises(RuleFileError) as error:
        load_one(tmp_path, LAB_FILE.replace(old, new, 1))
    assert message in str(error.value)


def test_unreadable_toml(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="x.toml: cannot read rule profile"):
        load_one(tmp_path, "name = ")


def test_no_profiles(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(RuleFileError, match="no rule profiles found"):
        load_profiles(tmp_path / "empty")


def test_gap_between_profiles(tmp_path: Path) -> None:
    directory = write(tmp_path / "p", "a.toml", LAB_FILE.replace("valid_to = 2026-06-30", "valid_to = 2026-06-29"))
    write(directory, "b.toml", REFORM_FILE)
    with pytest.raises(RuleFileError, match="a.toml and b.toml leave a gap: 2026-06-30 to 2026-06-30 has no profile"):
        load_profiles(directory)


def test_overlapping_profiles(tmp_path: Path) -> None:
    directory = write(tmp_path / "p", "a.toml", LAB_FILE.replace("valid_to = 2026-06-30", ""))
    write(directory, "b.toml", REFORM_FILE)
    with pytest.raises(RuleFileError, match="a.toml and b.toml overlap"):
        load_profiles(directory)


def test_duplicate_names(tmp_path: Path) -> None:
    directory = write(tmp_path / "p", "a.toml", LAB_FILE)
    write(directory, "b.toml", REFORM_FILE.replace('name = "2026-reform"', 'name = "2025-lab"'))
    with pytest.raises(RuleFileError, match="b.toml: key 'name': '2025-lab' is also used by a.toml"):
        load_profiles(directory)


def test_a_new_profile_is_only_a_new_file(tmp_path: Path) -> None:
    directory = write(tmp_path / "p", "a.toml", LAB_FILE)
    write(directory, "b.toml", REFORM_FILE.replace("# No valid_to", "valid_to = 2027-12-31\n#"))
    write(directory, "c.toml", REFORM_FILE.replace('name = "2026-reform"', 'name = "2028"')
          .replace("valid_from = 2026-07-01", "valid_from = 2028-01-01").replace('default_interval = "3m"', 'default_interval = "6w"'))
    profiles = load_profiles(directory)
    assert [p.name for p in profiles] == ["2025-lab", "2026-reform", "2028"]
    assert profile_for(d("2027-12-31"), profiles).default_interval == Interval(months=3)
    assert profile_for(d("2028-01-01"), profiles).default_interval == Interval(weeks=6)
