"""The process the soak test kills: writes contact-log entries through the real write path
and prints `ACK id checksum` only after each transaction has committed."""

from __future__ import annotations

import hashlib
import sys
from datetime import date, datetime, timedelta

from store.clock import Clock
from store.commands import citizens, journal_entries
from store.facade import Store


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def main(db: str, seed: int) -> None:
    store = Store.open(db, clock=Clock(date(2026, 11, 23)))
    citizen = store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Soak Testesen", first_request=date(2026, 1, 5))).value \
        if store.count_deadlines() == 0 else store.deadlines(limit=1)[0].citizen_id
    start = datetime(2026, 11, 23, 8)
    n = 0
    while True:
        n += 1
        note = f"seed {seed} write {n} " + "æøå" * (n % 7)
        entry = store.execute(journal_entries.LogContact(citizen_id=citizen, at=start + timedelta(seconds=n), channel="phone", direction="out", reached=True, note=note)).value
        sys.stdout.write(f"ACK {entry} {checksum(note)}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
