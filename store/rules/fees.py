"""Doctor certificate fees per year and form, read from `fees.toml`.

A fee always travels with its `verified` flag, and a form without a figure for the year
yields amount None: the program never shows a guessed number as a fee."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from dateutil.relativedelta import relativedelta

from store.rules.fields import Fields, RuleFileError
from store.rules.profile import form_code

FEES_FILE = Path(__file__).resolve().parent / "fees.toml"


@dataclass(frozen=True, slots=True)
class FeeYear:
    year: int
    valid_from: date
    source: str
    verified: bool
    fees: tuple[tuple[str, int], ...]
    with_interpreter: tuple[tuple[str, int], ...]
    by_invoice: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fee:
    form: str
    year: int
    amount_dkk: int | None  # None: no figure for this form and year
    with_interpreter_dkk: int | None
    by_invoice: bool  # billed by invoice, no fixed fee
    verified: bool  # False: the year's figures are placeholders, not checked
    source: str


def _code(fields: Fields, key: str, code: str) -> str:
    """`code` when it is a canonical form code; else an error naming the file and key."""
    try:
        canonical = form_code(code)
    except ValueError as error:
        raise fields.fail(key, str(error)) from None
    if canonical != code:
        raise fields.fail(key, f"write the form code as {canonical!r}")
    return code


def _amounts(fields: Fields, key: str) -> tuple[tuple[str, int], ...]:
    table = fields.table(key, required=False)
    amounts = tuple((_code(table, code, code), table.integer(code)) for code in table.values)
    table.done()
    return amounts


def _fee_year(key: str, fields: Fields) -> FeeYear:
    year = FeeYear(
        year=int(key),
        valid_from=fields.day("valid_from"),
        source=fields.text("source"),
        verified=fields.flag("verified"),
        fees=_amounts(fields, "fees"),
        with_interpreter=_amounts(fields, "with_interpreter"),
        by_invoice=tuple(_code(fields, "by_invoice", code) for code in fields.texts("by_invoice", required=False)),
    )
    if year.valid_from.year != year.year:
        raise fields.fail("valid_from", f"{year.valid_from} is not in {year.year}")
    fields.done()
    return year


@lru_cache(maxsize=4)
def load_fees(path: Path = FEES_FILE) -> Mapping[int, FeeYear]:
    """Every year's list, validated. Cached, hence read-only."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RuleFileError(f"{Path(path).name}: cannot read fees: {error}") from None
    years = {}
    for key, table in data.items():
        fields = Fields(Path(path), table if isinstance(table, dict) else {}, f"{key}.")
        if not (key.isdigit() and len(key) == 4) or not isinstance(table, dict):
            raise fields.fail("", "top-level keys must be years such as 2026, each a table")
        years[int(key)] = _fee_year(key, fields)
    return MappingProxyType(years)


def fee_for(form: str, day: date, path: Path = FEES_FILE) -> Fee | None:
    """The fee for `form` on `day`, or None when no year's list covers that day.

    A year's list runs from its valid_from until the next year's list takes over, but never
    longer than one year: fees are regulated yearly, so an old list must not pass for today's."""
    years = load_fees(path)
    for year in (day.year, day.year - 1):
        table = years.get(year)
        if table is None or day < table.valid_from or day >= table.valid_from + relativedelta(years=1):
            continue
        following = years.get(year + 1)
        if following is not None and day >= following.valid_from:
            continue
        code = form_code(form)
        return Fee(
            form=code,
            year=year,
            amount_dkk=dict(table.fees).get(code),
            with_interpreter_dkk=dict(table.with_interpreter).get(code),
            by_invoice=code in table.by_invoice,
            verified=table.verified,
            source=table.source,
        )
    return None
