"""The code dataclasses and named tuples generate is compiled once and kept (tui.compiled_once):
compiling it was two thirds of creating each of the few hundred classes made before the first
frame (issue 15). A class made from kept code is exactly the class compiling makes."""

from __future__ import annotations

import builtins
import dataclasses
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import tui.compiled_once as once
from tests.startup.kept_code import fresh_kept_code


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The module as at the program's start, its file in tmp_path; the hooks removed after."""
    return fresh_kept_code(tmp_path, monkeypatch)


def _make() -> tuple[type, type]:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Row:
        citizen_id: int
        name: str
        flags: tuple[str, ...] = ()
        seen: list[int] = dataclasses.field(default_factory=list, compare=False)

    class Pair(NamedTuple):
        left: int
        right: str = "r"

    return Row, Pair


def _behaviour(row: type, pair: type) -> list[Any]:
    a, b = row(1, "[bold]x"), row(1, "[bold]x", seen=[3])
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.name = "y"
    return [repr(a), a == b, hash(a) == hash(b), a.flags, b.seen, row.__match_args__,
            repr(pair(2)), pair(2) == (2, "r"), pair._fields, pair(left=1, right="x")._asdict()]


def _codes(row: type, pair: type) -> list[bytes]:
    return [getattr(row, name).__code__.co_code for name in ("__init__", "__repr__", "__eq__", "__hash__")] + [
        pair.__new__.__code__.co_code]


def test_a_class_made_from_kept_code_is_the_class_compiling_makes(fresh: Path) -> None:
    plain = _make()
    once.install()
    compiled = _make()
    assert once.save(asked=True) and fresh.is_file()
    once._forget()
    once.install()
    assert once._loaded > 0
    kept = _make()
    assert _behaviour(*plain) == _behaviour(*compiled) == _behaviour(*kept)
    assert _codes(*plain) == _codes(*compiled) == _codes(*kept)


def test_kept_code_is_not_compiled_again(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    once.install()
    _make()
    once.save(asked=True)
    once._forget()
    once.install()
    compiled: list[str] = []

    def counting(source: str, filename: str, mode: str) -> Any:
        compiled.append(source)
        return builtins.compile(source, filename, mode)

    monkeypatch.setattr(once, "compile", counting, raising=False)
    _make()
    assert compiled == []
    assert once.save() is False  # nothing new: the file is not written again


def test_a_damaged_file_is_compiled_again_and_replaced(fresh: Path) -> None:
    fresh.write_bytes(b"\x00not marshal at all")
    once.install()
    assert once._loaded == 0
    _make()
    assert once.save(asked=True)
    once._forget()
    once.install()
    assert once._loaded > 0


def test_nothing_is_written_where_bytecode_is_not(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    once.install()
    _make()
    assert once.save() is False and not fresh.exists()
    assert once.save(asked=True) and fresh.exists()  # python -m tui.compiled_once, as compileall


def test_exec_without_a_namespace_runs_in_the_callers_as_the_built_in_does(fresh: Path) -> None:
    once.install()
    here = 1  # noqa: F841 - read by the evaluated text
    assert once._eval("here + 1") == 2
    namespace: dict[str, Any] = {}
    once._exec("made = 3", namespace)
    assert namespace["made"] == 3


PATTERNS: list[tuple[Any, int, Any]] = [
    (r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})(?:\.(?P<year>\d{2,4}))?", 0, "3.12.2026 and 24.12"),
    (r"""
        (?P<WHITESPACE>[ \t]+) | (?P<WORD>[a-zæøå_-]+)  # a comment
     """, re.VERBOSE | re.IGNORECASE, "Ærø  ok-ay x"),
    (rb"\x1b\[(\d+)(;\d+)*m", 0, b"\x1b[1;31mred"),
    (r"^\s*$|[\u2028\u2029]", re.MULTILINE, "a\n\n  \nb\u2028"),
    (r"(a)|b", 0, "ab"),
]


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="kept patterns only on the Python they were checked on")
def test_a_pattern_from_its_kept_form_is_the_pattern_re_compiles(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from re import _compiler  # type: ignore[attr-defined]

    plain = [_compiler.compile(p, f) for p, f, _ in PATTERNS]
    once.install()
    made = [_compiler.compile(p, f) for p, f, _ in PATTERNS]
    assert once.save(asked=True)
    once._forget()
    once.install()
    assert sum(1 for key in once._raw if key[0] == "re") == len(PATTERNS)
    kept = [_compiler.compile(p, f) for p, f, _ in PATTERNS]

    def seen(pattern: Any, text: Any) -> Any:
        return (pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex),
                [m.groupdict() or m.groups() for m in pattern.finditer(text)], pattern.split(text))

    for (_, _, text), a, b, c in zip(PATTERNS, plain, made, kept, strict=True):
        assert seen(a, text) == seen(b, text) == seen(c, text)


def test_nothing_made_after_the_first_frame_is_kept(fresh: Path) -> None:
    """Textual's command palette compiles a pattern from the query typed: a citizen's name
    must never end up in the file."""
    from re import _compiler  # type: ignore[attr-defined]

    once.install()
    _make()
    kept = dict(once._code)
    once.close()
    _compiler.compile("(J).*?(e).*?(n).*?(s) Hansen", re.IGNORECASE)

    @dataclasses.dataclass
    class Later:
        typed: str

    assert once._code == kept and once.save(asked=True) is True
    once._forget()
    once.install()
    assert not any("Hansen" in repr(key) or "typed" in repr(key) for key in once._raw)


async def test_the_program_stops_keeping_once_its_first_frame_is_drawn(make_app, monkeypatch) -> None:
    monkeypatch.setattr(once, "_open", True)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert once._open is False
