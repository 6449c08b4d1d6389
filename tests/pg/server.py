"""A throw-away PostgreSQL server for the test suite.

The suite starts its own server so that `.ci/run` keeps running exactly the README's test
command: find `initdb`/`pg_ctl` (PATH, then /usr/lib/postgresql/*/bin, newest first, 15
preferred), install them with apt-get when they are missing and we are root, `initdb` a
cluster in a temporary directory, start it on a free port on 127.0.0.1 (unix socket in the
same directory, trust authentication, durability switched off: the data is thrown away),
and stop it and delete the directory at the end of the session.

PostgreSQL refuses to run as root; as root the cluster belongs to the `postgres` system user
(created when missing) and every server command runs through `runuser`.

Databases are cheap to copy: `clone(template)` is `CREATE DATABASE x TEMPLATE template`."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PREFERRED_MAJOR = "15"
USER = "sagsdag"


class Unavailable(RuntimeError):
    """PostgreSQL could not be found, installed or started; the message says why."""


def _say(message: str) -> None:
    print(f"[tests.pg] {message}", file=sys.stderr, flush=True)


def _candidates() -> list[Path]:
    found: list[Path] = []
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        found.append(Path(on_path).resolve().parent)
    dirs = glob.glob("/usr/lib/postgresql/*/bin") + glob.glob("/usr/pgsql-*/bin")

    def major(path: str) -> tuple[int, float]:
        digits = "".join(ch for ch in Path(path).parent.name.split("-")[-1] if ch.isdigit() or ch == ".")
        try:
            number = float(digits)
        except ValueError:
            number = 0.0
        return (1 if digits.split(".")[0] == PREFERRED_MAJOR else 0, number)

    for d in sorted(dirs, key=major, reverse=True):
        found.append(Path(d))
    return [d for d in found if (d / "initdb").exists() and (d / "pg_ctl").exists()]


def _install() -> None:
    if os.geteuid() != 0:
        raise Unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed and we are not root "
                          "to install them: `apt-get install postgresql-15`, or set SAGSDAG_SKIP_PG=1")
    if not shutil.which("apt-get"):
        raise Unavailable("PostgreSQL server binaries are missing and there is no apt-get to install them")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    _say("PostgreSQL server binaries not found; installing them with apt-get (this takes a minute)")
    subprocess.run(["apt-get", "update", "-q"], check=False, env=env)
    for package in ("postgresql-15", "postgresql"):
        _say(f"apt-get install -y --no-install-recommends {package}")
        done = subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", package], env=env)
        if done.returncode == 0 and _candidates():
            return
    raise Unavailable("apt-get could not install postgresql-15 or postgresql")


def find_bin_dir(install: bool = True) -> Path:
    found = _candidates()
    if not found and install:
        _install()
        found = _candidates()
    if not found:
        raise Unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found")
    return found[0]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _service_user() -> str | None:
    """None when we may run the server ourselves; otherwise the user to run it as."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        _say("running as root: creating the system user `postgres` to own the test cluster")
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
                       check=True)
    return "postgres"


class Server:
    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.user = _service_user()
        self.root = self._make_root()
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self.running = False
        self._names = itertools.count(1)

    def _make_root(self) -> Path:
        """A temporary directory the server's user can reach. As root, the usual temp dir may
        be private to root (mode 0700), so fall back to /var/tmp, then /dev/shm."""
        if not self.user:
            return Path(tempfile.mkdtemp(prefix="sagsdag-pg-"))
        entry = pwd.getpwnam(self.user)
        for base in (os.environ.get("SAGSDAG_PG_TMP"), tempfile.gettempdir(), "/var/tmp", "/dev/shm"):
            if not base or not os.path.isdir(base):
                continue
            root = Path(tempfile.mkdtemp(prefix="sagsdag-pg-", dir=base))
            os.chown(root, entry.pw_uid, entry.pw_gid)
            if subprocess.run(["runuser", "-u", self.user, "--", "test", "-w", str(root)]).returncode == 0:
                return root
            shutil.rmtree(root, ignore_errors=True)
        raise Unavailable(f"no temporary directory is writable by the `{self.user}` user")

    # -- process control -------------------------------------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=self.root)
        if check and done.returncode != 0:
            raise Unavailable(f"{' '.join(args[:2])} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
                              f"\n{self._log_tail()}")
        return done

    def _log_tail(self) -> str:
        try:
            return "server log:\n" + "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return ""

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C",
                  "--no-sync")
        for attempt in range(5):
            self.port = _free_port()
            options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
                       "-c shared_buffers=64MB")
            done = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60",
                             "start", check=attempt == 4)
            if done.returncode == 0:
                break
        self.running = True
        _say(f"PostgreSQL ({self.bin_dir}) running on 127.0.0.1:{self.port}, data in {self.data}")

    def stop(self) -> None:
        if self.running:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
            self.running = False
        shutil.rmtree(self.root, ignore_errors=True)

    # -- databases -------------------------------------------------------------------------

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=USER, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(sql)

    def create(self, template: str | None = None, prefix: str = "t") -> str:
        """A new database (a copy of `template` when given); returns its name."""
        name = f"{prefix}_{next(self._names)}"
        for attempt in range(50):
            try:
                self._admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""))
                return name
            except Exception as exc:  # the template is briefly in use by a closing connection
                if "being accessed by other users" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.1)
        return name

    def drop(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_server() -> Server:
    bin_dir = find_bin_dir()
    server = Server(bin_dir)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
