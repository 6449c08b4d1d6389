"""Planning the coming weeks: who to call in, when, so every meeting deadline that can be met
is met. `model` holds the values, `planner.make_plan` the pure computation, `needs` builds the
input from the database (and is the only part that reads it)."""

from store.planning.model import (
    Absence, Block, Busy, Need, Plan, PlanRequest, Proposal, Unplaced, WeekTemplate, Why,
)
from store.planning.planner import make_plan

__all__ = [
    "Absence", "Block", "Busy", "Need", "Plan", "PlanRequest", "Proposal", "Unplaced", "WeekTemplate", "Why",
    "make_plan",
]
