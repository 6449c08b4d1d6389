"""Which backups to keep. Rotation only thins the automatic daily copies: the newest of each
of the last 7 days, 5 weeks and 12 months. Every copy made by hand (`sagsdag backup`) is kept
until the caseworker deletes it, and so is every copy taken before a migration or a restore
in the last 30 days."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from store.backup.copies import BackupInfo, list_backups

DAILY, WEEKLY, MONTHLY = 7, 5, 12
PROTECTED_REASONS = ("before-migration", "before-restore")
PROTECTED_DAYS = 30
THINNED = "daily"  # the only reason rotation ever deletes


def keep(backups: list[BackupInfo], now: datetime) -> set[Path]:
    kept: set[Path] = {b.path for b in backups if b.reason != THINNED and b.reason not in PROTECTED_REASONS}
    automatic = [b for b in backups if b.reason == THINNED]
    for bucket, count in (
        (lambda b: b.taken.date(), DAILY),
        (lambda b: b.taken.isocalendar()[:2], WEEKLY),
        (lambda b: (b.taken.year, b.taken.month), MONTHLY),
    ):
        seen: list[object] = []  # bucket keys: a day, (year, week) or (year, month)
        for backup in automatic:  # newest first, so the first of each bucket is its newest
            key = bucket(backup)
            if key in seen:
                continue
            seen.append(key)
            if len(seen) > count:
                break
            kept.add(backup.path)
    for backup in backups:
        if backup.reason in PROTECTED_REASONS and now - backup.taken <= timedelta(days=PROTECTED_DAYS):
            kept.add(backup.path)
    return kept


def rotate(database: Path | None, now: datetime | None = None) -> list[Path]:
    """Deletes the backups no rule keeps; returns them."""
    now = now or datetime.now()
    backups = list_backups(database)
    kept = keep(backups, now)
    removed = [b.path for b in backups if b.path not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
