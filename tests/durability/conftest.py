"""run_cli, as in tests/cli."""
from __future__ import annotations

import pytest


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run `sagsdag ARGS` in-process; returns (exit code, stdout, stderr)."""
    from tui.cli.main import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
