""""Today" is injected, never read from the wall clock deep inside: `--today` and the tests
freeze it, and a program left open past midnight moves on by itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time


@dataclass(frozen=True)
class Clock:
    fixed: date | None = None
    _now: Callable[[], datetime] = datetime.now

    def today(self) -> date:
        return self.fixed if self.fixed is not None else self._now().date()

    def now(self) -> datetime:
        """A fixed day keeps the real time of day, so logged contacts still sort correctly."""
        real = self._now()
        if self.fixed is None:
            return real
        return datetime.combine(self.fixed, real.time().replace(microsecond=0))

    def at(self, clock_time: time) -> datetime:
        return datetime.combine(self.today(), clock_time)
