"""The user's config file (TOML): language, theme, database, caseworker and key overrides.

A broken config file never stops the program: it says which line is wrong and carries on
with the defaults, and it is never overwritten while it cannot be read."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.planning.model import PlanSettings

# A parsed TOML table: its values are whatever the file holds, checked before use.
Table = dict[str, Any]

KNOWN_THEMES = ("sagsdag-dark", "sagsdag-light", "sagsdag-contrast", "sagsdag-ansi")


def config_path() -> Path:
    explicit = os.environ.get("SAGSDAG_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("SAGSDAG_HOME")
    if home:
        return Path(home).expanduser() / "config.toml"
    from platformdirs import user_config_dir

    return Path(user_config_dir("sagsdag", appauthor=False)) / "config.toml"


@dataclass(frozen=True)
class Config:
    language: str = "da"
    theme: str = "sagsdag-dark"
    database: str | None = None
    caseworker: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    calendar_full_names: bool = False
    idle_lock_minutes: int = 0
    plan: PlanSettings | None = None  # None: the planner's defaults (seed 001's week)
    problems: tuple[str, ...] = ()
    readable: bool = True


def _check(data: Table, path: Path) -> tuple[Table, list[str]]:
    clean: Table = {}
    problems: list[str] = []
    expected = {
        "language": str, "theme": str, "database": str, "caseworker": str, "keymap": dict,
        "calendar_full_names": bool, "idle_lock_minutes": int, "plan": dict,
    }
    for key, value in data.items():
        kind = expected.get(key)
        if kind is None:
            problems.append(f"{path}: unknown setting {key!r} (known: {', '.join(expected)})")
        elif not isinstance(value, kind):
            problems.append(f"{path}: {key} should be a {kind.__name__}, not {value!r}")
        else:
            clean[key] = value
    if clean.get("language") not in (None, "da", "en"):
        problems.append(f"{path}: language must be \"da\" or \"en\", not {clean['language']!r}")
        clean.pop("language")
    if clean.get("theme") not in (None, *KNOWN_THEMES):
        problems.append(f"{path}: theme must be one of {', '.join(KNOWN_THEMES)}")
        clean.pop("theme")
    if "keymap" in clean:
        bad = [k for k, v in clean["keymap"].items() if not isinstance(v, str)]
        for k in bad:
            problems.append(f"{path}: keymap.{k} should be a key such as \"ctrl+j\"")
            clean["keymap"].pop(k)
    if "plan" in clean:
        clean["plan"] = _plan(clean["plan"], path, problems)
    return clean, problems


def _plan(data: Table, path: Path, problems: list[str]) -> PlanSettings:
    """[plan]: buffer_minutes, notice_days and one [[plan.week]] table per week shape (several
    alternate by ISO week number). A mistake is reported and that part keeps its default."""
    # Only a config file with a [plan] table pays for the planner's import at start-up.
    from store.planning.model import PlanSettings, WeekTemplate

    defaults = PlanSettings()
    values: dict[str, Any] = {}  # PlanSettings fields by name
    for key in ("buffer_minutes", "notice_days"):
        if key not in data:
            continue
        value = data[key]
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 240:
            values[key] = value
        else:
            problems.append(f"{path}: plan.{key} should be a whole number from 0, not {value!r}")
    if "week" in data:
        weeks = data["week"]
        try:
            if not isinstance(weeks, list) or not all(isinstance(w, dict) for w in weeks):
                raise ValueError("write each week shape as a [[plan.week]] table")
            values["template"] = WeekTemplate.from_days(*weeks)
        except (ValueError, TypeError, AttributeError) as exc:
            problems.append(f"{path}: plan.week: {exc}")
    unknown = sorted(set(data) - {"buffer_minutes", "notice_days", "week"})
    for key in unknown:
        problems.append(f"{path}: unknown setting plan.{key} (known: buffer_minutes, notice_days, week)")
    return replace(defaults, **values)


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        return Config(problems=(f"{path}: cannot be read ({exc}); using the defaults",), readable=False)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        return Config(problems=(f"{path}: {exc}; fix the line or delete the file",), readable=False)
    clean, problems = _check(data, path)
    return replace(Config(**clean), problems=tuple(problems))


def save_setting(key: str, value: object, path: Path | None = None) -> bool:
    """Change one setting, keeping the rest of the file. Returns False (and writes nothing)
    when the existing file cannot be parsed, so a typo never costs the user their config."""
    import tomli_w

    path = path or config_path()
    data: Table = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return False
    data[key] = value
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        tomli_w.dump(data, fh)
    os.replace(tmp, path)
    return True
