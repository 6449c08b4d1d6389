"""Speed at every caseload size, in a real terminal (tmux), against a bare Textual app measured
in the same run.

    python -m bench.speed                  # 50, 220, 5,000 and 50,000 citizens, 5 runs each
    python -m bench.speed --sizes 50 5000 --runs 3

For each size it builds (once, cached in bench/out/) a demo database, then alternates launches
of the bare app and of Sagsdag and measures:
  - time to data: launch until the caseload rows are on the screen;
  - key latency until the screen shows the result: cursor move, pane switch, one filter
    keystroke, opening a citizen, saving a meeting as held — once until the Today pane shows
    "afholdt" (held→today) and once until every visible pane shows the result, i.e. the last
    change on screen after ctrl+s (held→all: the deadline and caseload panes reload too);
  - peak memory (VmHWM) of the program.
It prints one table of medians with the spread (min-max) and the ratios the targets use.

A second table is about start-up as it is felt (bench/start_up.py)."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.tmux_driver import Tmux, TmuxError, now, peak_rss_kib

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
TODAY = "2026-11-23"
SIZE = (160, 48)
POLL = 0.002

LOADED = re.compile(r"2 Sagsstamme \(\d")
FULL = re.compile(r"1 I dag \(\d")
STEPS = ("cursor", "pane", "filter", "citizen", "held→today", "held→all")
TARGET_MS = {"cursor": 25, "pane": 40, "filter": 60, "citizen": 80}
# Saving a meeting as held, until every visible pane shows it: by caseload size (issue 11).
HELD_TARGET_MS = {50: 60, 50000: 120}
SETTLED_MS = 300  # no change on screen for this long: every pane that reloads has drawn


def demo_db(citizens: int) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"demo-{citizens}.db"
    if not path.exists():
        subprocess.run([sys.executable, "-m", "tui.cli.main", "demo", "--citizens", str(citizens), "--seed", "1",
                        "--db", str(path), "--today", TODAY], cwd=ROOT, check=True, capture_output=True)
    return path


def wait_for(tmux: Tmux, name: str, test: Callable[[str], bool], timeout: float = 60.0, styled: bool = False) -> float:
    deadline = now() + timeout
    while now() < deadline:
        screen = tmux.styled_screen(name) if styled else tmux.screen(name)
        if test(screen):
            return now()
        time.sleep(POLL)
    raise TmuxError(f"timed out waiting on {name}:\n{tmux.screen(name)}")


def changed(tmux: Tmux, name: str, keys: list[str], timeout: float = 20.0) -> float:
    """Send keys and return the seconds until the (styled) screen differs."""
    before = tmux.styled_screen(name)
    start = now()
    tmux.keys(name, *keys)
    return wait_for(tmux, name, lambda s: s != before, timeout, styled=True) - start


def until(tmux: Tmux, name: str, keys: list[str], test: Callable[[str], bool], timeout: float = 20.0) -> float:
    start = now()
    tmux.keys(name, *keys)
    return wait_for(tmux, name, test, timeout) - start


def until_settled(tmux: Tmux, name: str, keys: list[str], test: Callable[[str], bool],
                  timeout: float = 20.0) -> tuple[float, float]:
    """Send keys; answer (seconds until `test` holds, seconds until the last change on screen
    before it stayed still for SETTLED_MS)."""
    last = tmux.styled_screen(name)
    start = now()
    tmux.keys(name, *keys)
    seen: float | None = None
    changed_at = start
    deadline = start + timeout
    while now() < deadline:
        screen = tmux.styled_screen(name)
        t = now()
        if screen != last:
            last, changed_at = screen, t
        if seen is None and test(tmux.screen(name)):
            seen = t
        if seen is not None and t - changed_at >= SETTLED_MS / 1000:
            return seen - start, changed_at - start
        time.sleep(POLL)
    raise TmuxError(f"timed out waiting on {name}:\n{tmux.screen(name)}")


def quiet(tmux: Tmux, name: str, ms: float = 150) -> None:
    """Wait until the screen has not changed for `ms` (workers done, animations over)."""
    last, since = tmux.styled_screen(name), now()
    while now() - since < ms / 1000:
        time.sleep(0.01)
        screen = tmux.styled_screen(name)
        if screen != last:
            last, since = screen, now()


@dataclass
class Figures:
    start: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)
    steps: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in STEPS})
    rss: list[int] = field(default_factory=list)
    bare_rss: list[int] = field(default_factory=list)
    held_cpu: list[float] = field(default_factory=list)  # the main thread's CPU for the held save
    held_all_cpu: list[float] = field(default_factory=list)  # every thread's (the write and loads too)
    citizen_cpu: list[float] = field(default_factory=list)  # the main thread's CPU: enter until still
    close_cpu: list[float] = field(default_factory=list)  # ... and esc back to the main screen


def run_bare(tmux: Tmux, fig: Figures, n: int) -> None:
    name = f"bare{n}"
    start = now()
    tmux.start(name, f"{sys.executable} {ROOT / 'bench' / 'bare_app.py'}", SIZE, {"TERM": "xterm-256color"})
    fig.bare.append(wait_for(tmux, name, lambda s: "BARE-READY" in s) - start)
    fig.bare_rss.append(peak_rss_kib(tmux.pid(name)) or 0)
    tmux.kill(name)


def process_cpu(pid: int) -> float:
    """Seconds every thread of the process has run on a CPU (user + system)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def fresh_copy(pristine: Path, work: Path) -> None:
    """The run's own copy of the demo database, written to disk before the run starts. The
    kernel wrote a copy back on its own about 30 s later (445 MB at 50,000 citizens), on
    the other core and the disk, during whichever run, bare or not, was being measured."""
    shutil.copy(pristine, work)
    for suffix in ("-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    os.sync()


def run_app(tmux: Tmux, fig: Figures, n: int, pristine: Path, work: Path, home: Path) -> None:
    from bench.start_up import main_thread_cpu  # it imports this module's helpers
    fresh_copy(pristine, work)
    name = f"app{n}"
    env = {"TERM": "xterm-256color", "SAGSDAG_HOME": str(home)}
    start = now()
    tmux.start(name, f"{sys.executable} -m tui.cli.main --db {work} --today {TODAY}", SIZE, env)
    fig.start.append(wait_for(tmux, name, lambda s: bool(LOADED.search(s))) - start)
    wait_for(tmux, name, lambda s: bool(FULL.search(s)))  # the full store is open too
    quiet(tmux, name)
    tmux.keys(name, "2")
    quiet(tmux, name)
    fig.steps["cursor"].append(changed(tmux, name, ["j"]))
    quiet(tmux, name)
    fig.steps["pane"].append(changed(tmux, name, ["3"]))
    quiet(tmux, name)
    tmux.keys(name, "/")
    quiet(tmux, name)
    fig.steps["filter"].append(until(tmux, name, ["a"], lambda s: "filter: a " in s))
    tmux.keys(name, "Escape")
    quiet(tmux, name)
    pid = tmux.pid(name)
    cpu = main_thread_cpu(pid)
    fig.steps["citizen"].append(until(tmux, name, ["Enter"], lambda s: "Næste samtale senest" in s or "Ingen frist" in s))
    quiet(tmux, name)
    # Main-thread CPU, which a loaded machine does not inflate as it does wall time: opening
    # includes the frames after the first (the fresh read landing), closing the main screen's
    # repaint and the removal of the citizen screen.
    fig.citizen_cpu.append(main_thread_cpu(pid) - cpu)
    cpu = main_thread_cpu(pid)
    tmux.keys(name, "Escape")
    wait_for(tmux, name, lambda s: bool(FULL.search(s)))  # back on the main screen
    quiet(tmux, name)
    fig.close_cpu.append(main_thread_cpu(pid) - cpu)
    tmux.keys(name, "1")
    quiet(tmux, name)
    tmux.keys(name, "g")
    quiet(tmux, name)
    if to_planned_meeting(tmux, name):
        tmux.keys(name, "h")
        wait_for(tmux, name, lambda s: "Samtale afholdt" in s)
        quiet(tmux, name)
        pid = tmux.pid(name)
        cpu, all_cpu = main_thread_cpu(pid), process_cpu(pid)
        today, everything = until_settled(tmux, name, ["C-s"], lambda s: "✓ afholdt" in s)
        # CPU, unlike wall time, does not grow when other programs share the machine. It runs
        # until the screen has been still for SETTLED_MS, so it includes the toast's frames.
        fig.held_cpu.append(main_thread_cpu(pid) - cpu)
        fig.held_all_cpu.append(process_cpu(pid) - all_cpu)
        fig.steps["held→today"].append(today)
        fig.steps["held→all"].append(everything)
        quiet(tmux, name)
    fig.rss.append(peak_rss_kib(tmux.pid(name)) or 0)
    tmux.kill(name)


PLANNED_MEETING = re.compile(r"^│ \d\d\.\d\d .*· ")  # Today: a time, and "·" (planned)


def pane_lines(screen: str, title: str) -> list[str]:
    """The styled lines of the left-column pane titled `title`, border to border."""
    out, inside = [], False
    for line in screen.splitlines():
        plain = re.sub(r"\x1b\[[0-9;]*m", "", line)
        if plain.startswith("╭") and title in plain.split("╮")[0]:
            inside = True
        if inside:
            out.append(line)
            if plain.startswith("╰"):
                break
    return out


def _cursor_line(screen: str, title: str) -> str | None:
    """The plain text of the row under the cursor in the pane titled `title`: the one data row
    whose background differs from every other row's."""
    rows = pane_lines(screen, title)[2:-1]  # without the border and the header
    backgrounds = [(m.group(0) if (m := re.search(r"48;[0-9;]+m", line)) else "") for line in rows]
    for line, bg in zip(rows, backgrounds):
        if backgrounds.count(bg) == 1:
            return re.sub(r"\x1b\[[0-9;]*m", "", line)
    return None


def to_planned_meeting(tmux: Tmux, name: str, limit: int = 400) -> bool:
    """From the top of the Today pane to a planned meeting, as a caseworker would: overdue
    obligations come first (thousands at 50,000 citizens), so `M` jumps to the day's meetings,
    then page down until a planned one shows and j onto it."""
    tmux.keys(name, "M")
    wait_for(tmux, name, lambda s: "↑" in s and "forfaldne over" in s)
    quiet(tmux, name)
    for _ in range(limit):
        screen = tmux.styled_screen(name)
        line = _cursor_line(screen, "1 I dag")
        if line is not None and PLANNED_MEETING.search(line):
            return True
        rows = [re.sub(r"\x1b\[[0-9;]*m", "", row) for row in pane_lines(screen, "1 I dag")[2:-1]]
        shown = any(PLANNED_MEETING.search(row) for row in rows)
        tmux.keys(name, "j" if shown else "pagedown")
        quiet(tmux, name, 50)
    return False  # none found: the held steps are left out of this run (shown as –)


def ms(values: list[float]) -> str:
    if not values:
        return "–"
    return f"{statistics.median(values) * 1000:6.0f} ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"


def main(argv: list[str] | None = None) -> int:
    from bench.start_up import StartFigures, compile_sources, measure_start, report_start  # it uses this module's helpers

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 220, 5000, 50000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("bench.speed needs tmux (apt-get install tmux)", file=sys.stderr)
        return 2
    compile_sources()
    results: dict[int, Figures] = {}
    starts: dict[int, StartFigures] = {}
    tmux = Tmux()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # `finally` closes the tmux server
    try:
        for size in args.sizes:
            pristine = demo_db(size)
            fig = Figures()
            try:
                with tempfile.TemporaryDirectory() as tmp:
                    work, home = Path(tmp) / "bench.db", Path(tmp) / "home"
                    run_app(tmux, Figures(), 0, pristine, work, home)  # warm-up: caches, the day's backup
                    for n in range(args.runs):
                        run_bare(tmux, fig, n)
                        run_app(tmux, fig, n, pristine, work, home)
                    starts[size] = measure_start(tmux, args.runs, pristine, work, home)
            except TmuxError as exc:  # one stuck run: report the others, say which size failed
                print(f"  {size} citizens: a run timed out ({str(exc).splitlines()[0]})", file=sys.stderr)
                tmux.kill_all()  # the stuck session's name is the next size's first
                if not fig.start:
                    continue
            results[size] = fig
            print(f"  {size} citizens done", file=sys.stderr)
    finally:
        tmux.close()
    if not results:
        return 1
    report(results)
    print()
    report_start(starts)
    return 0


def report(results: dict[int, Figures]) -> None:
    def med(xs: list[float]) -> float:
        return statistics.median(xs) if xs else float("nan")

    base = results.get(min(results))
    head = f"{'citizens':>9} | {'time to data ms':>18} | {'bare ms':>16} | {'×bare':>5} | {'×own@50':>7} | " + \
        " | ".join(f"{s + ' ms':>16}" for s in STEPS) + f" | {'peak MiB':>8} | {'×mem@50':>7}"
    print(head)
    print("-" * len(head))
    for size, fig in results.items():
        ratio_bare = med(fig.start) / med(fig.bare)
        ratio_own = med(fig.start) / med(base.start) if base else float("nan")
        rss = med([r / 1024 for r in fig.rss])
        ratio_mem = rss / med([r / 1024 for r in base.rss]) if base else float("nan")
        print(f"{size:>9} | {ms(fig.start):>18} | {ms(fig.bare):>16} | {ratio_bare:5.2f} | {ratio_own:7.2f} | "
              + " | ".join(f"{ms(fig.steps[s]):>16}" for s in STEPS) + f" | {rss:8.1f} | {ratio_mem:7.2f}")
    for size, fig in results.items():
        if fig.citizen_cpu:
            print(f"{size:>9} | citizen: main-thread CPU {ms(fig.citizen_cpu).strip()} ms (enter until the screen is "
                  f"still), esc {ms(fig.close_cpu).strip()} ms")
    for size, fig in results.items():
        if fig.held_cpu:
            print(f"{size:>9} | held: main-thread CPU {ms(fig.held_cpu).strip()} ms, all threads "
                  f"{ms(fig.held_all_cpu).strip()} ms (ctrl+s until the screen is still)")
    print()
    print("Targets: time to data at 50 ≤ 1.5× bare; at 5,000 ≤ 1.2× and at 50,000 ≤ 2× own@50; medians: "
          + ", ".join(f"{k} ≤ {v} ms" for k, v in TARGET_MS.items())
          + "; held→all " + ", ".join(f"≤ {v} ms at {k:,}" for k, v in HELD_TARGET_MS.items())
          + "; peak memory at 5,000 ≤ 1.5× at 50.")
    verdicts = []
    for size, fig in results.items():
        for step, limit in TARGET_MS.items():
            if fig.steps[step] and med(fig.steps[step]) * 1000 > limit:
                verdicts.append(f"{size}: {step} median {med(fig.steps[step]) * 1000:.0f} ms > {limit} ms")
        limit = HELD_TARGET_MS.get(size)
        held = fig.steps["held→all"]
        if limit is not None and held and med(held) * 1000 > limit:
            verdicts.append(f"{size}: held→all median {med(held) * 1000:.0f} ms > {limit} ms")
    if 50 in results and med(results[50].start) > 1.5 * med(results[50].bare):
        verdicts.append("50: time to data above 1.5× bare")
    for size, limit in ((5000, 1.2), (50000, 2.0)):
        if size in results and 50 in results and med(results[size].start) > limit * med(results[50].start):
            verdicts.append(f"{size}: time to data above {limit}× own@50")
    if 5000 in results and 50 in results and med(results[5000].rss) > 1.5 * med(results[50].rss):
        verdicts.append("5000: peak memory above 1.5× at 50")
    print("All targets met." if not verdicts else "Missed: " + "; ".join(verdicts))


if __name__ == "__main__":
    sys.exit(main())
