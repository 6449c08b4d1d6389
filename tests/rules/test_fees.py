from __future__ import annotations

from pathlib import Path

import pytest

from store.rules import RuleFileError, fee_for
from store.rules.fees import FEES_FILE, load_fees
from tests.rules.helpers import d


def test_published_2013_fees() -> None:
    fee = fee_for("læ 145", d("2013-07-01"))
    assert fee is not None
    assert (fee.form, fee.year, fee.amount_dkk, fee.with_interpreter_dkk, fee.verified) == ("LÆ 145", 2013, 1544, 2007, True)


def test_by_invoice() -> None:
    fee = fee_for("LÆ 155", d("2013-09-01"))
    assert fee is not None
    assert (fee.amount_dkk, fee.by_invoice) == (None, True)


def test_placeholder_year_gives_no_amount() -> None:
    fee = fee_for("LÆ 125", d("2026-05-01"))
    assert fee is not None
    assert (fee.year, fee.amount_dkk, fee.verified) == (2026, None, False)


@pytest.mark.parametrize("day", ["2013-06-30", "2014-07-01", "2020-05-01", "2026-03-31"])
def test_an_old_list_never_passes_for_a_later_year(day: str) -> None:
    assert fee_for("LÆ 125", d(day)) is None


def test_every_year_is_valid() -> None:
    years = load_fees(FEES_FILE)
    assert sorted(years) == [2013, 2026]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[2026]\nvalid_from = 2026-04-01\nsource = "x"\n', "f.toml: key '2026.verified': is missing"),
        ('[26]\nvalid_from = 2026-04-01\nsource = "x"\nverified = false\n', "f.toml: key '26': top-level keys must be years"),
        ('[2026]\nvalid_from = 2025-04-01\nsource = "x"\nverified = false\n', "f.toml: key '2026.valid_from': 2025-04-01 is not in 2026"),
        ('[2026]\nvalid_from = 2026-04-01\nsource = "x"\nverified = false\n[2026.fees]\n"LÆ125" = 1\n',
         "f.toml: key '2026.fees.LÆ125': write the form code as 'LÆ 125'"),
        ('[2026]\nvalid_from = 2026-04-01\nsource = "x"\nverified = false\n[2026.fees]\n"LÆ 125" = "400"\n',
         "f.toml: key '2026.fees.LÆ 125': must be a whole number"),
        ('[2026]\nvalid_from = 2026-04-01\nsource = "x"\nverified = false\nby_invoice = ["FP 1"]\n',
         "f.toml: key '2026.by_invoice': 'FP 1' is not a doctor form code"),
        ('[2026]\nvalid_from = 2026-04-01\nsource = "x"\nverified = false\nverifed = true\n',
         "f.toml: key '2026.verifed': is not a known key"),
    ],
)
def test_fee_file_validation(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "f.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        load_fees(path)
    assert message in str(error.value)
