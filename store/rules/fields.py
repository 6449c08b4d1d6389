"""Typed reading of one TOML table, so every error in a rule file names the file and the key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from store.rules.interval import Interval


class RuleFileError(ValueError):
    """A rule data file is missing, unreadable or holds a wrong value."""


class Fields:
    """Reads keys from `table`; `done()` rejects the keys nobody asked for, so a misspelt key
    fails loudly instead of silently falling back to nothing."""

    def __init__(self, source: Path, table: Mapping[str, Any], prefix: str = "") -> None:
        self.source = source
        self.values = table
        self.prefix = prefix
        self.seen: set[str] = set()

    def where(self, key: str) -> str:
        return f"{self.source.name}: key '{(self.prefix + key).rstrip('.')}'"

    def fail(self, key: str, message: str) -> RuleFileError:
        return RuleFileError(f"{self.where(key)}: {message}")

    def _get(self, key: str, required: bool) -> Any:
        self.seen.add(key)
        if key not in self.values:
            if required:
                raise self.fail(key, "is missing")
            return None
        return self.values[key]

    def text(self, key: str) -> str:
        value = self._get(key, True)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"must be non-empty text, got {value!r}")
        return value.strip()

    def integer(self, key: str, minimum: int = 0) -> int:
        value = self.optional_integer(key, minimum)
        if value is None:
            raise self.fail(key, "is missing")
        return value

    def optional_integer(self, key: str, minimum: int = 0) -> int | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"must be a whole number, got {value!r}")
        if value < minimum:
            raise self.fail(key, f"must be at least {minimum}, got {value}")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, True)
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, got {value!r}")
        return value

    def day(self, key: str) -> dt.date:
        value = self.optional_day(key)
        if value is None:
            raise self.fail(key, "is missing")
        return value

    def optional_day(self, key: str) -> dt.date | None:
        value = self._get(key, False)
        if value is None:
            return None
        # TOML datetimes are dates too in Python; a rule date has no time of day.
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self.fail(key, f"must be a date such as 2026-07-01, got {value!r}")
        return value

    def interval(self, key: str) -> Interval:
        try:
            return Interval.parse(self.text(key))
        except ValueError as error:
            raise self.fail(key, str(error)) from None

    def texts(self, key: str, required: bool = True) -> list[str]:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, f"must be a list of text, got {value!r}")
        return value

    def tables(self, key: str, required: bool = True) -> dict[str, Fields]:
        value = self._get(key, required)
        if value is None:
            return {}
        if not isinstance(value, dict) or not all(isinstance(item, dict) for item in value.values()):
            raise self.fail(key, "must be a table of tables")
        return {name: Fields(self.source, item, f"{self.prefix}{key}.{name}.") for name, item in value.items()}

    def table(self, key: str, required: bool = True) -> Fields:
        value = self._get(key, required)
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return Fields(self.source, value, f"{self.prefix}{key}.")

    def done(self) -> None:
        unknown = sorted(set(self.values) - self.seen)
        if unknown:
            raise self.fail(unknown[0], f"is not a known key (known: {', '.join(sorted(self.seen))})")
