"""Shared fixtures: a frozen today, an empty database, and a demo database built once per
session and copied per test (building it is the slow part).

The database fixtures (`empty_db`, `db_url`, `demo_db`, `demo_store`, `new_database`) follow
`backend`: "sqlite" (a file path) or "postgresql" (a URL of a fresh database on the suite's
own PostgreSQL server, see tests/pg/server.py). Tests under PG_DIRS that use them run on both;
mark a test `@pytest.mark.sqlite_only` when it checks something only SQLite has (files, WAL,
the backup API, EXPLAIN QUERY PLAN). SAGSDAG_SKIP_PG=1 skips the PostgreSQL runs; otherwise a
missing server fails them."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests run the same examples on every run, so main cannot turn red by chance;
# `HYPOTHESIS_PROFILE=explore pytest` searches fresh, random examples (and more of them).
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

TODAY = date(2026, 11, 23)  # a Monday
NOW = datetime(2026, 11, 23, 8, 0)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever reads or writes the real user's data directory or config."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SAGSDAG_HOME", str(home))
    monkeypatch.delenv("SAGSDAG_CONFIG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture
def clock():
    from store.clock import Clock

    return Clock(TODAY, lambda: NOW)


PG_DIRS = {"store", "queries", "cli", "portable", "importers", "pg"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: checks something only SQLite has; never run on PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames or metafunc.definition.get_closest_marker("sqlite_only"):
        return
    parts = Path(metafunc.definition.path).resolve().relative_to(Path(__file__).resolve().parent).parts
    if parts and parts[0] in PG_DIRS:
        metafunc.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])


@pytest.fixture
def backend() -> str:
    """SQLite unless pytest_generate_tests parametrises the test over both databases."""
    return "sqlite"


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    if os.environ.get("SAGSDAG_SKIP_PG") == "1":
        pytest.skip("SAGSDAG_SKIP_PG=1: PostgreSQL runs skipped")
    from tests.pg.server import Unavailable, start_server

    try:
        server = start_server()
    except Unavailable as exc:
        pytest.fail(f"PostgreSQL is not available for the test suite (set SAGSDAG_SKIP_PG=1 to skip): {exc}",
                    pytrace=False)
    request.addfinalizer(server.stop)
    return server


def _pg_database(request: pytest.FixtureRequest, template: str | None) -> str:
    server = request.getfixturevalue("pg_server")
    name = server.create(template=template)
    request.addfinalizer(lambda: server.drop(name))
    return server.url(name)


@pytest.fixture
def new_database(backend: str, tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """`make(name)`: a new database of this test's backend (path or URL); on PostgreSQL
    already migrated (a copy of the empty template), so `upgrade` finds it current."""

    def make(name: str) -> Path | str:
        if backend == "postgresql":
            return _pg_database(request, request.getfixturevalue("_pg_empty_template"))
        return tmp_path / f"{name}.db"

    return make


@pytest.fixture(scope="session")
def _pg_empty_template(pg_server) -> str:  # type: ignore[no-untyped-def]
    from store.db.engine import make_engine
    from store.db.schema import upgrade

    name = pg_server.create(prefix="empty_template")
    engine = make_engine(pg_server.url(name))
    upgrade(engine)
    engine.dispose()
    return name


@pytest.fixture
def empty_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Path | str:
    from store.db.engine import make_engine
    from store.db.schema import upgrade

    if backend == "postgresql":
        return _pg_database(request, request.getfixturevalue("_pg_empty_template"))
    path = tmp_path / "empty.db"
    engine = make_engine(path)
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from store.db.engine import make_engine
    from store.db.schema import upgrade
    from store.demo import generate

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    engine = make_engine(path)
    upgrade(engine)
    generate(engine, citizens=48, seed=1, today=TODAY)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def db_url(empty_db: Path | str) -> str:
    """An empty, migrated database of this test's backend, as an SQLAlchemy URL."""
    from store.db.engine import to_url

    return to_url(empty_db)


@pytest.fixture(scope="session")
def _pg_demo_template(pg_server) -> str:  # type: ignore[no-untyped-def]
    from store.db.engine import make_engine
    from store.db.schema import upgrade
    from store.demo import generate

    name = pg_server.create(prefix="demo_template")
    engine = make_engine(pg_server.url(name))
    upgrade(engine)
    generate(engine, citizens=48, seed=1, today=TODAY)
    engine.dispose()
    return name


@pytest.fixture
def demo_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Path | str:
    """A private copy of the 48-citizen demo caseload as of TODAY (a path, or a URL on
    PostgreSQL)."""
    if backend == "postgresql":
        return _pg_database(request, request.getfixturevalue("_pg_demo_template"))
    _demo_template = request.getfixturevalue("_demo_template")
    path = tmp_path / "demo.db"
    shutil.copy(_demo_template, path)
    return path


@pytest.fixture
def demo_store(demo_db: Path | str, clock):
    from store.facade import Store

    store = Store.open(demo_db, clock=clock)
    yield store
    store.close()


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run `sagsdag ARGS` in-process; returns (exit code, stdout, stderr)."""
    from tui.cli.main import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def make_app(demo_store):  # type: ignore[no-untyped-def]
    """The real app on the demo store, in a language and theme of the test's choosing."""

    def make(lang: str = "da", theme: str = "sagsdag-dark", read_only: bool = False):  # type: ignore[no-untyped-def]
        from tui.app import SagsdagApp
        from tui.config import Config

        return SagsdagApp(demo_store, config=Config(theme=theme, language=lang), language=lang, read_only=read_only)

    return make


@pytest.fixture(autouse=True)
def _danish_again():  # type: ignore[no-untyped-def]
    """The catalog language is process-wide; put it back after a test switches it."""
    yield
    from tui.i18n import set_language

    set_language("da")
