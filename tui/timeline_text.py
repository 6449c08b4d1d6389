"""What kind of line a red-thread entry is, in words: `Kontakt (opkald ud, træffet)`,
`Fravær (sygdom)`, `Afgørelse (sanktion)`. Each kind's status codes come from the vocabulary
table that names them elsewhere, so no code is ever shown raw."""

from __future__ import annotations

from store.queries.screen_rows import TimelineEntry
from tui.i18n import t
from tui.i18n.catalog import has

# kind -> the catalog table its status codes are named in (default: timeline_status)
_TABLES = {
    "absence": "absence_kind",
    "hearing_decision": "hearing_outcome",
    "network": "network_role",
}


def status_text(kind: str, status: str | None) -> str:
    if not status:
        return ""
    for table in (_TABLES.get(kind), "timeline_status", "outcome"):
        if table and (has(f"{table}.{status}") or has(f"{table}.{status}", "da")):
            return t(f"{table}.{status}")
    return t("timeline_status.other")


def kind_text(entry: TimelineEntry) -> str:
    parts = []
    if entry.channel:
        parts.append(" ".join(p for p in (t("contact.channel." + entry.channel),
                                           t("contact.direction." + entry.direction) if entry.direction else "") if p))
    status = status_text(entry.kind, entry.status)
    if status:
        parts.append(status)
    name = t("timeline." + entry.kind)
    return f"{name} ({', '.join(parts)})" if parts else name
