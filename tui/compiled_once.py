"""The code that dataclasses and named tuples generate, compiled once and kept beside the
bytecode, as Python keeps a module's.

Every `@dataclass` writes the source of its `__init__`, `__repr__`, `__eq__`, `__hash__` …
and compiles it with `exec`; every named tuple compiles its `__new__` with `eval`. Textual,
Rich and Sagsdag create a few hundred of them on the way to the first frame, and compiling
their source is about two thirds of what creating one costs (~0.8 ms for a frozen dataclass
of eleven fields, 0.25 ms with the code already compiled): 20–30 ms of the main thread
before the first key (issue 15).

Regular expressions are the same story: ~80 patterns (Textual's CSS tokenizer, Rich, the
standard library, ours) parsed and compiled on every start, ~12 ms. On Python 3.11 the parsed
and compiled form (`re._compiler.compile`'s result before it becomes a Pattern) is kept too.

`install()` gives the `dataclasses` and `collections` modules an `exec` and an `eval` (module
globals, which the built-ins' names resolve to first) that compile a source text only once:
the code object compiled from the very same text, with the same file name and mode, is what
the built-in would have compiled, so every class is exactly what it was. The compiled code is
kept in a file where the interpreter keeps this package's bytecode (`__pycache__`, or
`sys.pycache_prefix`), for this exact interpreter only (its bytecode's magic number, patch release and regular-
expression engine are in the name),
and written only when it is missing something, never when bytecode is not written
(`PYTHONDONTWRITEBYTECODE`), and never on the way to a key (`save()` runs when the program
ends). A file that cannot be read or written is no error: then the code is compiled as before."""

from __future__ import annotations

import builtins
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

MAX_ENTRIES = 5000  # a program that makes classes on the fly must not grow the file for ever

_code: dict[tuple[str, ...], Any] = {}  # (mode, source) -> code; ("re", kind, pattern) -> its compiled form
_raw: dict[Any, bytes] = {}  # read from the file, each entry unmarshalled when first asked for
_loaded = 0  # entries the file held
_new = 0  # entries this run added
_path: Path | None = None


def _cache_path() -> Path | None:
    from importlib.util import MAGIC_NUMBER, cache_from_source

    try:
        # Where this package's bytecode goes, named for this interpreter (cpython-311 …).
        pyc = Path(cache_from_source(str(Path(__file__).with_name("generated_code.py"))))
    except NotImplementedError:  # no bytecode cache at all (sys.implementation.cache_tag None)
        return None
    # Named for this exact interpreter: its bytecode's magic number, its patch release and the
    # version of its regular-expression engine's code (a kept pattern is that engine's code).
    import _sre  # type: ignore[import-not-found]

    exact = f"{MAGIC_NUMBER.hex()}.{sys.version_info.micro}.{_sre.MAGIC}"
    return pyc.with_name(pyc.name.removesuffix(".pyc") + f".{exact}.marshal")


def _compiled(source: Any, mode: str) -> Any:
    if not isinstance(source, str):
        return source  # already code: the built-in takes it as it is
    key = (mode, source)
    code = _get(key)
    if code is None:
        code = compile(source, "<string>", mode)
        _put(key, code)
    return code


def _get(key: Any) -> Any:
    value = _code.get(key)
    if value is None:
        raw = _raw.pop(key, None)
        if raw is None:
            return _code.get(key)  # never kept, or another thread has just unpacked it
        try:
            value = marshal.loads(raw)
        except (ValueError, EOFError, TypeError):
            return None
        if not _kept(key, value):
            return None
        _code[key] = value
    return value


_open = True  # until the program's first frame: see `close`


def close() -> None:
    """Nothing made after this is kept. Called once the first frame is drawn: what the
    program compiles later can be made of what a person typed (Textual's command palette
    compiles a pattern from the query), and no typed text, a citizen's name least of all,
    may end up in a file. `python -m tui.prepare_start` keeps what the start needs."""
    global _open
    _open = False


def _put(key: Any, value: Any) -> None:
    global _new
    if (_open or _asked) and len(_code) + len(_raw) < MAX_ENTRIES:
        _code[key] = value
        _new += 1


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:  # noqa: A002
    if globals is None:  # the built-in would run it in its caller's namespace: so do we
        caller = sys._getframe(1)
        globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
    builtins.exec(_compiled(source, "exec"), globals, locals)


def _eval(source: Any, globals: Any = None, locals: Any = None, /) -> Any:  # noqa: A002
    if globals is None:
        caller = sys._getframe(1)
        globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
    return builtins.eval(_compiled(source, "eval"), globals, locals)


def _pattern(pattern: Any, flags: Any = 0) -> Any:
    """`re._compiler.compile` (which `re.compile` calls for a pattern it has not seen in this
    process), with the parsed and compiled pattern kept: the same steps, their result stored
    instead of computed again."""
    import re
    from re import _compiler, _parser  # type: ignore[attr-defined]

    if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
        return _plain_pattern(pattern, flags)
    key = ("re", type(pattern).__name__ + ":" + str(int(flags)), pattern)
    kept: Any = _get(key)
    if kept is None:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: some are named constants
        groupindex = parsed.state.groupdict
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        kept = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
        _put(key, kept)
    final_flags, code, groups, groupindex, indexgroup = kept
    return _compiler._sre.compile(pattern, final_flags, code, groups, dict(groupindex), indexgroup)


_plain_pattern: Any = None


def _kept(key: Any, value: Any) -> bool:
    """Whether a loaded entry has the shape this module stores."""
    if not (isinstance(key, tuple) and len(key) == 2 + (key[:1] == ("re",))):
        return False
    if key[0] == "re":
        return isinstance(value, tuple) and len(value) == 5 and isinstance(value[1], list)
    if key[0] == "kept":
        return isinstance(value, bytes)
    return isinstance(value, CodeType)


_asked = False  # prepare(): kept even where bytecode is not written


def keeping() -> bool:
    """Whether what is kept now will be written (`kept`'s callers skip the work otherwise)."""
    return _path is not None and _path != Path(os.devnull) and (_asked or not sys.dont_write_bytecode)


def kept(name: str) -> bytes | None:
    """What another module kept under `name` (tui.parsed_css), if this file holds it."""
    value = _get(("kept", name))
    return value if isinstance(value, bytes) else None


def keep(name: str, value: bytes) -> None:
    _put(("kept", name), value)


def _forget() -> None:
    """Back to the state before `install` read the file (tests)."""
    global _path, _loaded, _new
    global _open
    _path, _loaded, _new, _open = None, 0, 0, True
    _code.clear()
    _raw.clear()


def install() -> None:
    """Before the imports that create classes (the first thing the program does)."""
    global _loaded, _path
    if _path is not None:
        return
    import collections
    import dataclasses

    _path = _cache_path() or Path(os.devnull)
    try:
        loaded = marshal.loads(_path.read_bytes()) if _path.is_file() else {}
    except (OSError, ValueError, EOFError, TypeError):
        loaded = {}  # unreadable or from another interpreter: compiled again, and rewritten
    if isinstance(loaded, dict):  # each entry its own marshalled bytes: only those used are unpacked
        _raw.update((k, v) for k, v in loaded.items() if isinstance(k, tuple) and isinstance(v, bytes))
    _loaded = len(_raw)
    for module in (dataclasses, collections):
        module.exec = _exec  # type: ignore[attr-defined]
        module.eval = _eval  # type: ignore[attr-defined]
    _install_patterns()


def _install_patterns() -> None:
    """Only on the Python whose `re._compiler.compile` `_pattern` repeats step for step (3.11;
    look again before adding another): elsewhere patterns are compiled as before."""
    global _plain_pattern
    import re

    compiler = getattr(re, "_compiler", None)
    if sys.version_info[:2] != (3, 11) or compiler is None or _plain_pattern is not None:
        return
    _plain_pattern = compiler.compile
    compiler.compile = _pattern


def save(*, asked: bool = False) -> bool:
    """Write the file if this run compiled anything it did not hold (True then). `asked`: as
    `compileall` does, also when bytecode is otherwise not written (`python -m
    tui.prepare_start`)."""
    if _path is None or _path == Path(os.devnull) or not _new:
        return False
    if sys.dont_write_bytecode and not asked:
        return False
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        temporary = _path.with_name(f"{_path.name}.{os.getpid()}.tmp")
        try:
            entries = {**_raw, **{key: marshal.dumps(value) for key, value in _code.items()}}
            temporary.write_bytes(marshal.dumps(entries))
            os.replace(temporary, _path)  # whole or not at all, should two programs end at once
        finally:
            temporary.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def keep_everything() -> None:
    """From now on keep all that is compiled, also where bytecode is not written, as
    `compileall` does (tui.prepare_start)."""
    global _asked
    install()
    _asked = True
