"""How long computing a plan takes, against the bare Textual app's start-up measured in the
same run (the yardstick of bench.speed).

    python -m bench.plan_speed                 # 220 citizens, 4 weeks, 5 runs
    python -m bench.plan_speed --citizens 5000 --weeks 4 --runs 3

Each run launches the bare app in tmux (bench.speed.run_bare), then, in this process, reads the
planner's input from the demo database (store.planning.service.request_for: the needs and the
calendar) and computes the plan (store.planning.make_plan). The target is the whole of it, read
and plan, under 0.2x the bare start-up. The first read in the process is a warm-up (SQLAlchemy's
statement caches), as the app would have done it long before the caseworker presses P."""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.speed import TODAY, Figures, demo_db, run_bare
from bench.tmux_driver import Tmux

TARGET = 0.2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--citizens", type=int, default=220)
    parser.add_argument("--weeks", type=int, default=4)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("bench.plan_speed needs tmux (apt-get install tmux)", file=sys.stderr)
        return 2
    from store.clock import Clock
    from store.facade import Store
    from store.planning import make_plan
    from store.planning.model import PlanSettings
    from store.planning.service import request_for

    bare, read, plan_ms, sizes = Figures(), [], [], []
    tmux = Tmux()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "plan.db"
        shutil.copy(demo_db(args.citizens), work)
        store = Store.open(work, clock=Clock(date.fromisoformat(TODAY)))
        try:
            request_for(store, first=None, weeks=args.weeks, settings=PlanSettings())  # warm-up
            for n in range(args.runs):
                run_bare(tmux, bare, n)
                t0 = time.perf_counter()
                req = request_for(store, first=None, weeks=args.weeks, settings=PlanSettings())
                t1 = time.perf_counter()
                plan = make_plan(req)
                t2 = time.perf_counter()
                read.append(t1 - t0)
                plan_ms.append(t2 - t1)
                sizes.append((len(req.needs), len(plan.proposals), len(plan.unplaced)))
        finally:
            store.close()
            tmux.close()

    def med(xs: list[float]) -> float:
        return statistics.median(xs) * 1000

    total = [r + p for r, p in zip(read, plan_ms)]
    needs, proposals, unplaced = sizes[-1]
    print(f"{args.citizens} citizens, {args.weeks} weeks: {needs} needs -> {proposals} proposals, {unplaced} left out")
    print(f"  bare start-up   {med(bare.bare):7.1f} ms  ({min(bare.bare) * 1000:.0f}–{max(bare.bare) * 1000:.0f})")
    print(f"  read the input  {med(read):7.1f} ms  ({min(read) * 1000:.1f}–{max(read) * 1000:.1f})")
    print(f"  plan            {med(plan_ms):7.1f} ms  ({min(plan_ms) * 1000:.1f}–{max(plan_ms) * 1000:.1f})")
    ratio = med(total) / med(bare.bare)
    print(f"  read + plan     {med(total):7.1f} ms  = {ratio:.3f}× bare (plan alone {med(plan_ms) / med(bare.bare):.3f}×)")
    print(f"Target: read + plan < {TARGET}× bare: {'met' if ratio < TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
