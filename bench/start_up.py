"""Start-up as it is felt, the second table of `python -m bench.speed`: a key ("2", to the
caseload pane) pressed the moment the rows show; "time to interactive" is launch until that
key's effect is on screen, against the bare app's same figure; then `j` every 100 ms until the
full store is open, each timed; and the same start when the day's backup is due."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.speed import fresh_copy, pane_lines, FULL, LOADED, POLL, ROOT, SIZE, TARGET_MS, TODAY, ms, quiet, wait_for
from bench.tmux_driver import Tmux, TmuxError, now

BARE_ANSWERED = "BARE-ANSWERED"
START_KEY_GAP = 0.1  # seconds between keys while the store opens
START_TARGET_MS = 50  # every key during start-up answered within this
START_KEYS = 40  # j at most this often: every demo caseload has more rows than that
TTI_TARGET = 1.5  # time to interactive ≤ this × the bare app's


@dataclass
class StartFigures:
    tti: list[float] = field(default_factory=list)
    bare_tti: list[float] = field(default_factory=list)
    first_key: list[float] = field(default_factory=list)  # rows shown → "2" answered
    keys: list[float] = field(default_factory=list)  # every j/k until the full store is open
    due_data: list[float] = field(default_factory=list)  # time to data, day's backup due
    due_tti: list[float] = field(default_factory=list)
    due_keys: list[float] = field(default_factory=list)
    data: list[float] = field(default_factory=list)
    first_key_cpu: list[float] = field(default_factory=list)  # the main thread's CPU for it
    pane: list[float] = field(default_factory=list)  # 3 and 2 once settled, wall …
    pane_cpu: list[float] = field(default_factory=list)  # … and the main thread's CPU
    # The main thread's CPU from launch until the first key is answered, the program's and the
    # bare app's: time to interactive as work done, which a loaded machine does not inflate.
    tti_cpu: list[float] = field(default_factory=list)
    bare_tti_cpu: list[float] = field(default_factory=list)


def compile_sources() -> None:
    """Byte-compile Sagsdag's own modules before measuring, as installing a wheel does (and as
    the first run of an editable install does, unless PYTHONDONTWRITEBYTECODE is set). The bare
    app's Textual comes compiled from its wheel; Sagsdag's sources, run from a checkout with
    PYTHONDONTWRITEBYTECODE=1, were compiled from source on every launch: ~80 ms of main-thread
    CPU before the first frame that no installed copy pays."""
    import compileall

    for folder in ("tui", "store", "themes", "bench"):
        compileall.compile_dir(str(ROOT / folder), quiet=2)
    # The classes' generated code, kept as the program keeps it after its first run (tui.compiled_once).
    subprocess.run([sys.executable, "-m", "tui.prepare_start"], cwd=ROOT, check=False)
    print("  byte-compiled tui, store, themes and bench (as an installed copy is)", file=sys.stderr)


def main_thread_cpu(pid: int) -> float:
    """Seconds the process's main thread has run on a CPU (schedstat, nanoseconds): unlike
    wall time this does not grow when other programs share the machine."""
    try:
        with open(f"/proc/{pid}/task/{pid}/schedstat", encoding="ascii") as fh:
            return int(fh.read().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        return float("nan")


def _border_colour(screen: str, title: str) -> str | None:
    """The foreground colour of the top-left corner of the pane titled `title`. tmux emits a
    colour only where it changes, so the state is carried from the top of the screen."""
    fg = None
    for line in screen.splitlines():
        corner = re.sub(r"\x1b\[[0-9;]*m", "", line).find("╭─ " + title)
        column = 0
        for part in re.split(r"(\x1b\[[0-9;]*m)", line):
            if part.startswith("\x1b["):
                fg = _foreground(part[2:-1].split(";"), fg)
                continue
            if 0 <= corner < column + len(part):
                return fg
            column += len(part)
    return None


def _foreground(params: list[str], fg: str | None) -> str | None:
    i = 0
    while i < len(params):
        p = params[i]
        if p in ("", "0", "39"):
            fg = None
        elif p == "38" and i + 1 < len(params):
            n = 3 if params[i + 1] == "5" else 5
            fg = ";".join(params[i:i + n])
            i += n - 1
        elif len(p) == 2 and p[0] in "39" and p[1] in "01234567":
            fg = p
        i += 1
    return fg




def run_bare_tti(tmux: Tmux, fig: StartFigures, n: int) -> None:
    name = f"barett{n}"
    start = now()
    tmux.start(name, f"{sys.executable} {ROOT / 'bench' / 'bare_app.py'}", SIZE, {"TERM": "xterm-256color"})
    wait_for(tmux, name, lambda s: "BARE-READY" in s)
    pid = tmux.pid(name)
    tmux.keys(name, "2")
    fig.bare_tti.append(wait_for(tmux, name, lambda s: BARE_ANSWERED in s) - start)
    fig.bare_tti_cpu.append(main_thread_cpu(pid))
    tmux.kill(name)


def run_app_tti(tmux: Tmux, fig: StartFigures, n: int, pristine: Path, work: Path, home: Path,
                backup_due: bool) -> None:
    """Rows on screen → "2" at once → caseload pane focused = interactive; then j every 100 ms
    until the full store is open, each timed on the caseload pane's own lines (j only: a j and
    a k answered in one frame would look like no answer)."""
    fresh_copy(pristine, work)
    if backup_due:
        shutil.rmtree(f"{work}.backups", ignore_errors=True)
    name = f"tti{n}{'b' if backup_due else ''}"
    env = {"TERM": "xterm-256color", "SAGSDAG_HOME": str(home)}
    start = now()
    tmux.start(name, f"{sys.executable} -m tui.cli.main --db {work} --today {TODAY}", SIZE, env)
    shown = tmux.styled_screen(name)
    while not LOADED.search(re.sub(r"\x1b\[[0-9;]*m", "", shown)):
        if now() - start > 60:
            raise TmuxError(f"timed out waiting on {name}:\n{tmux.screen(name)}")
        time.sleep(POLL)
        shown = tmux.styled_screen(name)
    data = now()
    # Answered: pane 2's border takes another colour (the focus colour). Pane 1's colour in
    # the first frame is no guide: that frame may be drawn before the focus border is.
    unfocused = _border_colour(shown, "2 Sagsstamme")
    pid = tmux.pid(name)
    cpu = main_thread_cpu(pid)
    tmux.keys(name, "2")
    answered = wait_for(tmux, name, lambda s: _border_colour(s, "2 Sagsstamme") != unfocused, styled=True)
    focused = _border_colour(tmux.styled_screen(name), "2 Sagsstamme")
    (fig.due_data if backup_due else fig.data).append(data - start)
    (fig.due_tti if backup_due else fig.tti).append(answered - start)
    if not backup_due:
        fig.first_key.append(answered - data)
        fig.first_key_cpu.append(main_thread_cpu(pid) - cpu)
        fig.tti_cpu.append(main_thread_cpu(pid))
    keys = fig.due_keys if backup_due else fig.keys
    full_at = None
    for i in range(START_KEYS):
        before = pane_lines(tmux.styled_screen(name), "2 Sagsstamme")
        sent = now()
        tmux.keys(name, "j")
        try:
            at = wait_for(tmux, name, lambda s, before=before: pane_lines(s, "2 Sagsstamme") != before, timeout=3.0, styled=True)
        except TmuxError:
            shown = tmux.styled_screen(name)
            print(f"  {name}: key {i} not answered in 3 s; pane 2 border {_border_colour(shown, '2 Sagsstamme')}, "
                  f"pane 1 border {_border_colour(shown, '1 I dag')}", file=sys.stderr)
            at = now()
        keys.append(at - sent)
        if full_at is None and FULL.search(tmux.screen(name)):
            full_at = now()
        if full_at is not None and now() - full_at > 0.3:
            break
        time.sleep(max(0.0, START_KEY_GAP - (now() - sent)))
    if not backup_due:
        for key, title in (("3", "3 Samtaler"), ("2", "2 Sagsstamme"), ("3", "3 Samtaler"), ("2", "2 Sagsstamme")):
            quiet(tmux, name)
            cpu, sent = main_thread_cpu(pid), now()
            tmux.keys(name, key)
            at = wait_for(tmux, name, lambda s, title=title: _border_colour(s, title) == focused, styled=True)
            fig.pane.append(at - sent)
            fig.pane_cpu.append(main_thread_cpu(pid) - cpu)
    tmux.kill(name)


def measure_start(tmux: Tmux, runs: int, pristine: Path, work: Path, home: Path) -> StartFigures:
    fig = StartFigures()
    for n in range(runs):
        run_bare_tti(tmux, fig, n)
        run_app_tti(tmux, fig, n, pristine, work, home, backup_due=False)
        run_app_tti(tmux, fig, n, pristine, work, home, backup_due=True)
    return fig


def report_start(results: dict[int, StartFigures]) -> None:
    def med(xs: list[float]) -> float:
        return statistics.median(xs) if xs else float("nan")

    def worst(xs: list[float]) -> str:
        return f"{max(xs) * 1000:.0f}" if xs else "–"

    def cpu_ms(xs: list[float]) -> str:
        return f"{med(xs) * 1000:.0f}" if xs else "–"

    head = (f"{'citizens':>9} | {'data ms':>16} | {'interactive ms':>16} | {'bare ms':>16} | {'×bare':>5} | "
            f"{'first key ms':>14} | {'cpu ms':>6} | {'start-up keys ms':>16} | {'worst':>5} | {'due: data ms':>16} | "
            f"{'due: interactive':>16} | {'due: keys worst':>15} | {'pane ms':>14} | {'cpu ms':>6}")
    print(head)
    print("-" * len(head))
    verdicts = []
    for size, fig in results.items():
        ratio = med(fig.tti) / med(fig.bare_tti)
        print(f"{size:>9} | {ms(fig.data):>16} | {ms(fig.tti):>16} | {ms(fig.bare_tti):>16} | {ratio:5.2f} | "
              f"{ms(fig.first_key):>14} | {cpu_ms(fig.first_key_cpu):>6} | {ms(fig.keys):>16} | {worst(fig.keys):>5} | "
              f"{ms(fig.due_data):>16} | {ms(fig.due_tti):>16} | {worst(fig.due_keys):>15} | {ms(fig.pane):>14} | "
              f"{cpu_ms(fig.pane_cpu):>6}")
        if ratio > TTI_TARGET:
            verdicts.append(f"{size}: time to interactive {ratio:.2f}× bare > {TTI_TARGET}×")
        if fig.first_key and med(fig.first_key) * 1000 > START_TARGET_MS:
            verdicts.append(f"{size}: first key median {med(fig.first_key) * 1000:.0f} ms > {START_TARGET_MS} ms")
        if fig.keys and med(fig.keys) * 1000 > START_TARGET_MS:
            verdicts.append(f"{size}: start-up keys median {med(fig.keys) * 1000:.0f} ms > {START_TARGET_MS} ms")
        if fig.due_data and med(fig.due_data) > 1.1 * med(fig.data):
            verdicts.append(f"{size}: backup due: time to data {med(fig.due_data) / med(fig.data):.2f}× a usual start")
        if fig.due_tti and med(fig.due_tti) > 1.1 * med(fig.tti):
            verdicts.append(f"{size}: backup due: time to interactive {med(fig.due_tti) / med(fig.tti):.2f}× a usual start")
        if fig.pane and med(fig.pane) * 1000 > TARGET_MS["pane"]:
            verdicts.append(f"{size}: pane switch once settled {med(fig.pane) * 1000:.0f} ms > {TARGET_MS['pane']} ms "
                            f"(main-thread CPU {med(fig.pane_cpu) * 1000:.0f} ms)")
    for size, fig in results.items():
        if fig.tti_cpu and fig.bare_tti_cpu:
            print(f"{size:>9} | interactive: main-thread CPU {ms(fig.tti_cpu).strip()} ms, bare {ms(fig.bare_tti_cpu).strip()} ms: "
                  f"{med(fig.tti_cpu) / med(fig.bare_tti_cpu):.2f}× (launch until the first key is answered)")
    print()
    print(f"Targets: time to interactive ≤ {TTI_TARGET}× bare; the first key and every key during start-up "
          f"≤ {START_TARGET_MS} ms (medians; worst shown); a start with the day's backup due no slower (±10%); "
          f"pane switch ≤ {TARGET_MS['pane']} ms. cpu ms: the program's main thread's own CPU time for that key "
          "(/proc schedstat), which a loaded machine does not inflate.")
    print("All start-up targets met." if not verdicts else "Missed: " + "; ".join(verdicts))
