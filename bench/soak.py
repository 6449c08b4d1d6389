"""Kill a writing process with SIGKILL at random points and check that nothing it had
acknowledged is lost and the database is intact.

    python -m bench.soak --runs 200

prints `N/N runs: 0 acknowledged writes lost, integrity ok` when all is well."""

from __future__ import annotations

import argparse
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.soak_writer import checksum

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class RunResult:
    acked: int
    lost: int
    integrity: str


def one_run(db: Path, seed: int, rng: random.Random, max_wait: float) -> RunResult:
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.soak_writer", str(db), str(seed)], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0,
    )
    acks: dict[int, str] = {}
    buffer = b""
    # Wait for the first acknowledgement (start-up), then kill at a random moment.
    deadline = time.monotonic() + 60
    kill_at: float | None = None
    while True:
        now = time.monotonic()
        if kill_at is None and acks:
            kill_at = now + rng.uniform(0, max_wait)
        if (kill_at is not None and now >= kill_at) or now > deadline or proc.poll() is not None:
            break
        ready, _, _ = select.select([proc.stdout], [], [], 0.005)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)  # type: ignore[union-attr]
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                _, ident, digest = line.decode().split()
                acks[int(ident)] = digest
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # Anything it managed to print before dying was acknowledged too.
    rest = buffer + (proc.stdout.read() or b"")  # type: ignore[union-attr]
    for line in rest.split(b"\n"):
        parts = line.decode(errors="replace").split()
        if len(parts) == 3 and parts[0] == "ACK":
            acks[int(parts[1])] = parts[2]
    if proc.returncode != -signal.SIGKILL:
        # It exited before the kill: a crash of the write path is a failure, not a pass.
        raise RuntimeError("writer died on its own: " + (proc.stderr.read() or b"").decode())  # type: ignore[union-attr]
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        stored = dict(conn.execute("select id, note from contact_entry"))
    lost = sum(1 for ident, digest in acks.items() if ident not in stored or checksum(stored[ident]) != digest)
    return RunResult(len(acks), lost, integrity)


def soak(runs: int, seed: int = 1, max_wait: float = 0.5, quiet: bool = False) -> tuple[int, int, int, bool]:
    """Returns (good runs, runs, acknowledged writes lost, every integrity check ok)."""
    rng = random.Random(seed)
    ok_runs = lost_total = 0
    intact = True
    with tempfile.TemporaryDirectory(prefix="sagsdag-soak-") as tmp:
        db = Path(tmp) / "soak.db"
        for n in range(runs):
            result = one_run(db, n, rng, max_wait)
            lost_total += result.lost
            intact = intact and result.integrity == "ok"
            if result.integrity == "ok" and result.lost == 0 and result.acked > 0:
                ok_runs += 1
            if not quiet:
                print(f"run {n + 1}: {result.acked} acknowledged, {result.lost} lost, integrity {result.integrity}",
                      file=sys.stderr)
    return ok_runs, runs, lost_total, intact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-wait", type=float, default=0.5, help="longest time to let it write before the kill (s)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    ok_runs, runs, lost, intact = soak(args.runs, args.seed, args.max_wait, args.quiet)
    print(f"{ok_runs}/{runs} runs: {lost} acknowledged writes lost, integrity {'ok' if intact else 'FAILED'}")
    return 0 if ok_runs == runs else 1


if __name__ == "__main__":
    sys.exit(main())
