"""Everything the builders share while one demo caseload is generated."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from store.demo.calendar import OpenDays
from store.demo.person import CprMaker
from store.demo.rows import Rows


@dataclass
class Ctx:
    rng: random.Random
    rows: Rows
    days: OpenDays
    today: date
    caseworker: str | None
    suppliers: list[tuple[int, str]] = field(default_factory=list)
    cprs: CprMaker = field(default_factory=CprMaker)
