"""Shared fixtures: a frozen today, an empty database, and a demo database built once per
session and copied per test (building it is the slow part)."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

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


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    from store.db.engine import make_engine
    from store.db.schema import upgrade

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
def demo_db(_demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the 48-citizen demo caseload as of TODAY."""
    path = tmp_path / "demo.db"
    shutil.copy(_demo_template, path)
    return path


@pytest.fixture
def demo_store(demo_db: Path, clock):
    from store.facade import Store

    store = Store.open(demo_db, clock=clock)
    yield store
    store.close()
