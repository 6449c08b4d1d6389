"""What `generate` reports back."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DemoSummary:
    citizens: int
    meetings: int
    records: int  # every row written, all tables together
    suppliers: int
    courses: int
