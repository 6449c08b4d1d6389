"""A private tmux server driven through one control-mode client, so that polling the screen
costs a pipe round trip instead of starting a process per capture."""

from __future__ import annotations

import os
import re
import select
import subprocess
import time
import uuid

now = time.perf_counter


class TmuxError(RuntimeError):
    pass


def quote(arg: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9_./%=:+@,-]+", arg):
        return arg
    return "'" + arg.replace("'", "'\\''") + "'"


class Tmux:
    def __init__(self, timeout: float = 15.0) -> None:
        self.socket = f"sagsdag-bench-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.timeout = timeout
        self._buf = b""
        self.proc = subprocess.Popen(
            ["tmux", "-L", self.socket, "-f", "/dev/null", "-u", "-C", "new-session", "-s", "ctl",
             "-x", "80", "-y", "24", "exec sleep 100000"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0,
            start_new_session=True,
        )
        self._fd = self.proc.stdout.fileno()  # type: ignore[union-attr]
        os.set_blocking(self._fd, False)
        self._block(now() + timeout)
        for option in ("set -s escape-time 0", "set -g status off", "set -wg remain-on-exit on"):
            self.cmd(option)

    def _line(self, deadline: float) -> str:
        while True:
            i = self._buf.find(b"\n")
            if i >= 0:
                line, self._buf = self._buf[:i], self._buf[i + 1:]
                return line.decode("utf-8", "replace")
            left = deadline - now()
            if left <= 0:
                raise TmuxError("tmux did not answer in time")
            ready, _, _ = select.select([self._fd], [], [], left)
            if ready:
                chunk = os.read(self._fd, 1 << 16)
                if not chunk:
                    raise TmuxError("tmux control client closed")
                self._buf += chunk

    def _block(self, deadline: float) -> list[str]:
        tag = None
        lines: list[str] = []
        while True:
            line = self._line(deadline)
            if tag is None:
                if line.startswith("%begin "):
                    tag = line[7:]
                continue
            if line == "%end " + tag:
                return lines
            if line == "%error " + tag:
                raise TmuxError("; ".join(lines) or "tmux error")
            lines.append(line)

    def cmd(self, line: str) -> list[str]:
        self.proc.stdin.write(line.encode() + b"\n")  # type: ignore[union-attr]
        return self._block(now() + self.timeout)

    def start(self, name: str, command: str, size: tuple[int, int], env: dict[str, str]) -> None:
        exports = " ".join(f"-e {quote(f'{k}={v}')}" for k, v in env.items())
        self.cmd(f"new-session -d -s {name} -x {size[0]} -y {size[1]} {exports} {quote('exec ' + command)}")

    def screen(self, name: str) -> str:
        return "\n".join(self.cmd(f"capture-pane -p -t {name}"))

    def styled_screen(self, name: str) -> str:
        return "\n".join(self.cmd(f"capture-pane -p -e -t {name}"))

    def keys(self, name: str, *keys: str, literal: bool = False) -> None:
        flag = " -l" if literal else ""
        self.cmd(f"send-keys{flag} -t {name} " + " ".join(quote(k) for k in keys))

    def pid(self, name: str) -> int:
        return int(self.cmd(f'display-message -p -t {name} "#{{pane_pid}}"')[0])

    def dead(self, name: str) -> bool:
        return self.cmd(f'display-message -p -t {name} "#{{pane_dead}}"')[0].strip() == "1"

    def kill(self, name: str) -> None:
        """End the session and wait (at most `GONE_WITHIN` seconds) until its program has
        exited: a program killed may still be shutting down (closing its store among other things)
        while the next run starts, and the next run paid for it. The start with the backup due always came
        right after a usual start, and was 1.10-1.14x slower in some runs."""
        try:
            pid: int | None = self.pid(name)
        except (TmuxError, ValueError, IndexError):
            pid = None
        try:
            self.cmd(f"kill-session -t ={name}")
        except TmuxError:
            pass
        if pid is not None:
            _wait_gone(pid)

    def kill_all(self) -> None:
        """Every session but the control client's: after a run that timed out, the next run's
        session names are free again."""
        for name in self.cmd("list-sessions -F '#{session_name}'"):
            if name.strip() and name.strip() != "ctl":
                self.kill(name.strip())

    def close(self) -> None:
        try:
            self.proc.stdin.write(b"kill-server\n")  # type: ignore[union-attr]
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def peak_rss_kib(pid: int) -> int | None:
    """VmHWM: the process's peak resident memory so far."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


GONE_WITHIN = 10.0  # seconds


def _wait_gone(pid: int) -> None:
    """Until process `pid` has exited (gone, or a zombie waiting to be reaped)."""
    deadline = time.monotonic() + GONE_WITHIN
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
                state = fh.read().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return
        if state in ("Z", "X"):
            return
        time.sleep(0.01)
