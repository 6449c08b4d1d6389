"""A small version of `python -m bench.soak --runs 200`: a writer killed with SIGKILL at random
moments never loses an acknowledged write, and the file stays intact."""

from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_writer_loses_no_acknowledged_write() -> None:
    from bench.soak import soak

    ok_runs, runs, lost, intact = soak(5, seed=7, max_wait=0.3, quiet=True)
    assert (ok_runs, runs, lost, intact) == (5, 5, 0, True)
