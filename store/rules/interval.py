"""A meeting or report interval such as "3m", "6w" or "1m2w", added by calendar arithmetic."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

_PART = re.compile(r"(\d+)([mwd])")
_UNITS = {"m": "months", "w": "weeks", "d": "days"}
# Caps keep `add_to` far from date overflow and catch typos such as "300m"; ten years is
# already longer than any rule or contract this program will meet.
_LIMITS = {"months": 120, "weeks": 522, "days": 3653}


@dataclass(frozen=True, slots=True)
class Interval:
    months: int = 0
    weeks: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        for name, limit in _LIMITS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"interval {name} must be a whole number, got {value!r}")
            if value < 0:
                raise ValueError(f"interval {name} must not be negative, got {value}")
            if value > limit:
                raise ValueError(f"interval {name} must be at most {limit}, got {value}")
        if not (self.months or self.weeks or self.days):
            raise ValueError("interval must be longer than zero")

    @classmethod
    def parse(cls, text: str) -> Interval:
        """Read "3m", "6w", "14d", "3 m", "1m2w" (any case, spaces ignored, each unit once)."""
        if not isinstance(text, str):
            raise ValueError(f"interval must be text such as '3m', '6w' or '14d', got {text!r}")
        compact = "".join(text.split()).lower()
        if not compact or _PART.sub("", compact):
            raise ValueError(
                f"cannot read interval {text!r}: use a number followed by m (months), "
                "w (weeks) or d (days), e.g. '3m', '6w', '14d' or '1m2w'"
            )
        values: dict[str, int] = {}
        for number, unit in _PART.findall(compact):
            name = _UNITS[unit]
            if name in values:
                raise ValueError(f"cannot read interval {text!r}: {name} given more than once")
            values[name] = int(number)
        return cls(**values)

    def __str__(self) -> str:
        parts = ((self.months, "m"), (self.weeks, "w"), (self.days, "d"))
        return "".join(f"{value}{unit}" for value, unit in parts if value)

    def add_to(self, day: date, times: int = 1) -> date:
        """`day` plus `times` intervals, computed in one step from `day`.

        Months first, clamped to the month's end (31 Aug + 3m = 30 Nov), then weeks and days.
        Multiplying instead of adding repeatedly keeps a series anchored to its start:
        31 Jan + 2 x 1m is 31 Mar, whereas (31 Jan + 1m) + 1m would drift to 28 Mar."""
        return day + relativedelta(
            months=self.months * times, weeks=self.weeks * times, days=self.days * times
        )
