"""A deterministic, fictional caseload for trying the program and for tests.

Everything is dated relative to the `today` passed in and drawn from one seeded random
generator, so the same seed and day always give the same database."""

from store.demo.build import generate
from store.demo.summary import DemoSummary

__all__ = ["DemoSummary", "generate"]
