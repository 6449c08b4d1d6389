"""Restore while another process writes, and count the acknowledged writes lost.

    python -m bench.restore_soak --runs 50

Each run copies a small Sagsdag database, backs it up, starts a writer process (the real write
path, one contact-log entry per transaction, printing `ACK n` only after each commit), waits
for its first acknowledgements, restores the backup at a random moment, lets the writer go on
for a while and stops it. An acknowledged write is lost when its note is neither in the
restored database (it committed after the restore) nor in the safety copy the restore made
(it committed before). Prints `N/N runs: 0 acknowledged writes lost, integrity ok` when all
is well."""

from __future__ import annotations

import argparse
import os
import random
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AFTER_RESTORE = 5  # acknowledgements to wait for once the restore has returned


@dataclass
class RunResult:
    acked: int
    acked_during: int  # acknowledged between the restore's start and its return
    lost: int
    integrity: str


def writer(db: str, tag: str) -> None:
    """The process that keeps saving: a contact-log entry per transaction, acknowledged only
    after its commit. A refused save (busy, gone) is reported and not acknowledged."""
    from datetime import date, datetime, timedelta

    from store.clock import Clock
    from store.commands import journal_entries
    from store.errors import StoreError
    from store.facade import Store

    store = Store.open(db, clock=Clock(date(2026, 11, 23)))
    citizen = store.deadlines(limit=1)[0].citizen_id
    start = datetime(2026, 11, 23, 8)
    n = 0
    while True:
        n += 1
        note = f"{tag} write {n}"
        try:
            store.execute(journal_entries.LogContact(citizen_id=citizen, at=start + timedelta(seconds=n),
                      channel="phone", direction="out", reached=True, note=note))
        except StoreError as exc:
            sys.stdout.write(f"REFUSED {n} {exc.code}\n")
            if exc.code == "db.gone":  # replaced under us: do what the sentence says, start again
                store.close()
                store = Store.open(db, clock=Clock(date(2026, 11, 23)))
        else:
            sys.stdout.write(f"ACK {n}\n")
        sys.stdout.flush()


def _template(folder: Path) -> Path:
    from datetime import date

    from store.clock import Clock
    from store.commands import citizens
    from store.facade import Store

    db = folder / "template.db"
    store = Store.open(db, clock=Clock(date(2026, 11, 23)))
    try:
        store.execute(citizens.CreateCitizen(cpr="010190-1234", name="Soak Testesen", first_request=date(2026, 1, 5)))
    finally:
        store.close()
    with closing(sqlite3.connect(db)) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _notes(path: Path | None) -> set[str]:
    if path is None or not path.exists():
        return set()
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as c:
        return {row[0] for row in c.execute("select note from contact_entry")}


def _integrity(path: Path) -> str:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as c:
        return c.execute("PRAGMA integrity_check").fetchone()[0]


class Acks:
    def __init__(self, proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
        self.proc = proc
        self.numbers: list[int] = []
        self.buffer = b""

    def read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if ready:
            chunk = os.read(self.proc.stdout.fileno(), 65536)  # type: ignore[union-attr]
            self.buffer += chunk
            *lines, self.buffer = self.buffer.split(b"\n")
            for line in lines:
                parts = line.decode().split()
                if len(parts) >= 2 and parts[0] == "ACK":
                    self.numbers.append(int(parts[1]))

    def wait_for(self, count: int, limit: float = 60) -> None:
        deadline = time.monotonic() + limit
        while len(self.numbers) < count:
            if self.proc.poll() is not None:
                raise RuntimeError("writer died: " + (self.proc.stderr.read() or b"").decode())  # type: ignore[union-attr]
            if time.monotonic() > deadline:
                raise RuntimeError("writer stopped acknowledging")
            self.read(0.05)


def one_run(folder: Path, template: Path, n: int, rng: random.Random) -> RunResult:
    from store.backup import make_backup
    from store.backup.restore import restore

    run_dir = folder / f"run{n}"
    run_dir.mkdir()
    db = run_dir / "soak.db"
    shutil.copy(template, db)
    chosen = make_backup(db, "manual")
    tag = f"run{n}"
    proc = subprocess.Popen([sys.executable, "-m", "bench.restore_soak", "--writer", str(db), tag], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    acks = Acks(proc)
    try:
        acks.wait_for(3)
        pause = time.monotonic() + rng.uniform(0, 0.3)
        while time.monotonic() < pause:
            acks.read(0.01)
        before = len(acks.numbers)
        safety = restore(chosen, db)
        acks.read(0)
        during = len(acks.numbers) - before
        acks.wait_for(len(acks.numbers) + AFTER_RESTORE)
    finally:
        proc.kill()
        proc.wait()
    rest = acks.buffer + (proc.stdout.read() or b"")  # type: ignore[union-attr]
    for line in rest.split(b"\n"):
        parts = line.decode(errors="replace").split()
        if len(parts) >= 2 and parts[0] == "ACK":
            acks.numbers.append(int(parts[1]))
    kept = _notes(db) | _notes(safety)
    lost = sum(1 for k in acks.numbers if f"{tag} write {k}" not in kept)
    checks = {_integrity(db)} | ({_integrity(safety)} if safety else set())
    shutil.rmtree(run_dir, ignore_errors=True)
    return RunResult(len(acks.numbers), during, lost, "ok" if checks == {"ok"} else ",".join(sorted(checks)))


def soak(runs: int, seed: int = 1, quiet: bool = False) -> tuple[int, int, int, bool]:
    """Returns (good runs, runs, acknowledged writes lost, every integrity check ok)."""
    rng = random.Random(seed)
    good = lost_total = 0
    intact = True
    with tempfile.TemporaryDirectory(prefix="sagsdag-restore-soak-") as tmp:
        folder = Path(tmp)
        os.environ["SAGSDAG_HOME"] = str(folder / "home")  # the soak never touches the real data dir
        template = _template(folder)
        for n in range(runs):
            result = one_run(folder, template, n, rng)
            lost_total += result.lost
            intact = intact and result.integrity == "ok"
            if result.lost == 0 and result.integrity == "ok" and result.acked > 0:
                good += 1
            if not quiet:
                print(f"run {n + 1}: {result.acked} acknowledged ({result.acked_during} while restoring), "
                      f"{result.lost} lost, integrity {result.integrity}", file=sys.stderr)
    return good, runs, lost_total, intact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--writer", nargs=2, metavar=("DB", "TAG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer(*args.writer)
        return 0
    good, runs, lost, intact = soak(args.runs, args.seed, args.quiet)
    print(f"{good}/{runs} runs: {lost} acknowledged writes lost, integrity {'ok' if intact else 'FAILED'}")
    return 0 if good == runs else 1


if __name__ == "__main__":
    sys.exit(main())
