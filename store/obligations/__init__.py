"""Everything the caseworker owes: one model (`Obligation`), one module per kind, one
collector. Pure rules live in store.rules; every number comes from the rule profile."""

from store.obligations.collect import obligations, overdue_and_on
from store.obligations.model import KINDS, MEETING_KINDS, Obligation

__all__ = ["KINDS", "MEETING_KINDS", "Obligation", "obligations", "overdue_and_on"]
