"""The words of a plan, shared by the plan screen and `sagsdag plan`: a reason's code and
values through the catalog, dates short as caseworkers write them ("ingen ledig tid før 04-12")."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tui.i18n import t
from tui.i18n.dates import fmt_short_date

if TYPE_CHECKING:
    from store.planning import Why


def why_text(why: Why) -> str:
    values = {k: fmt_short_date(v) if isinstance(v, date) else v for k, v in why.params}
    if why.code == "absent_until":
        return t(f"plan.why.absent_until.{values.get('kind', 'other')}", **values)
    return t(f"plan.why.{why.code}", **values)


def kind_text(kind: str) -> str:
    return t(f"plan.kind.{kind}")
