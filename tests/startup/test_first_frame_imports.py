"""What the program imports before its first frame: neither SQLAlchemy nor Alembic (issue 15).
A module on that path that imported `store.obligations` (whose package loads SQLAlchemy's ORM
and every model) put ~300 ms of imports in front of the first frame, and the first key waited."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What `sagsdag` imports on the way to `app.run()` (tui.cli.main, tui.cli.commands.open_app).
FIRST_FRAME = (
    "import sys\n"
    "from tests.startup.test_first_frame_imports import LATER\n"
    "from tui.cli.main import parse\n"
    "parse(['--db', 'x.db', '--today', '2026-11-23'])\n"
    "import tui.cli.context, tui.cli.commands.open_app\n"
    "from tui.cli.options import parse_day\n"
    "parse_day('2026-11-23')\n"
    "from store.paths import local_file\n"
    "from store.quick import quick_caseload\n"
    "from tui.app import SagsdagApp\n"
    "from tui.config import load_config\n"
    "from tui.panes.base import PAGE\n"
    "from tui.screens.main import MainScreen\n"
    "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic'})\n"
    "print(','.join(heavy) or 'none')\n"
    "print(','.join(sorted(m for m in sys.modules if m.startswith('tui.cli.commands.') or m == 'rich.progress')))\n"
    "print('store.records' in sys.modules)\n"
    "print(','.join(sorted(m for m in sys.modules if m.startswith(('tui.screens.', 'tui.forms')))))\n"
    "print(','.join(sorted(m for m in sys.modules if m.startswith(('store.rules.', 'store.queries.')))))\n"
    "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in LATER or m in LATER)))\n"
)

# Modules that once came in on the way to the first frame and no longer do, each for a reason
# given in the test that names it.
LATER = ("json", "store.parse", "store.importers", "_strptime")


def _first_frame() -> list[str]:
    return subprocess.run([sys.executable, "-c", FIRST_FRAME], capture_output=True, text=True, check=True,
                          cwd=ROOT).stdout.splitlines()


def test_nothing_on_the_way_to_the_first_frame_imports_sqlalchemy_or_alembic() -> None:
    assert _first_frame()[0] == "none"


def test_opening_the_program_imports_no_other_command() -> None:
    """Building the full parser imported every command's module (tables, exports, rules): ~60 ms
    in front of the first frame. Options alone open the program without them."""
    assert _first_frame()[1] == "tui.cli.commands.open_app"


def test_the_store_records_are_not_loaded_before_the_first_frame() -> None:
    """store.records (every record the store hands out, ~20 ms of dataclasses) came in through
    the citizen screen's data module, for its type hints; a citizen is read only later."""
    assert _first_frame()[2] == "False"


def test_no_other_screen_or_form_is_loaded_before_the_first_frame() -> None:
    """Every screen and form used to be imported so that their keys could be translated at
    start (~40 ms); they are imported, and their keys translated, when first opened (tui.keys).
    The plan screen (P) was still imported with the main screen (~7 ms with the loading screen)."""
    assert _first_frame()[3] == "tui.screens.main"


def test_the_first_frame_imports_only_the_rules_and_rows_the_first_page_needs() -> None:
    """`store.rules` imported every rule module with the package, and `store.queries.rows`
    made the timeline's, case sparring's and My numbers' records too: fees, doctors, hearings,
    suppliers, the first period's pace … (~10 ms of imports). Each is now imported from where
    it lives when first asked for."""
    loaded = set(_first_frame()[4].split(","))
    assert loaded == {
        "store.queries.caseload_rows", "store.queries.rows",
        "store.rules.calendar", "store.rules.fields", "store.rules.interval", "store.rules.meetings",
        "store.rules.offer", "store.rules.profile", "store.rules.stamp", "store.rules.status",
        "store.rules.workflows",
    }, sorted(loaded)


def test_the_command_lines_error_handling_imports_nothing_before_the_first_frame() -> None:
    """The command line caught ImportRefused and ParseError by name, so it imported
    store.importers (CPR masking, problem lists) and store.parse (every parser's patterns),
    and its output module imported json: ~7 ms before the first frame, for errors a start
    without a command cannot raise. They are matched inside their base classes' handlers."""
    assert _first_frame()[5] == ""


def test_reading_today_from_the_command_line_imports_no_strptime() -> None:
    """`--today 2026-11-23` was read with datetime.strptime, which imports _strptime (its
    locale, calendar and patterns, ~2 ms). An ISO day is read with date.fromisoformat; the
    other forms still go through strptime (tests/cli)."""
    assert "_strptime" not in _first_frame()[5]
