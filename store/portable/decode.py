"""Text or bytes -> JSON values, or one clear sentence saying where the file is broken."""

from __future__ import annotations

import json
from typing import Any

from store.importers.errors import ImportRefused
from store.importers.problem import Problem


class JsonObject(dict[str, Any]):
    """A JSON object that remembers keys it saw twice: plain json.loads silently keeps the
    last, which would import something other than what the person reading the file sees."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> JsonObject:
    obj = JsonObject(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        twice: list[str] = []
        for key, _ in pairs:
            if key in seen and key not in twice:
                twice.append(key)
            seen.add(key)
        obj.duplicates = tuple(twice)
    return obj


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def load_document(text: str | bytes) -> Any:
    if isinstance(text, (bytes, bytearray)):
        text = _utf8(bytes(text))
    text = text.removeprefix("\ufeff")  # editors on Windows add a byte order mark
    if not text.strip():
        raise ImportRefused([Problem("json_file_empty", "the file is empty; expected a Sagsdag JSON export")])
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        # exc.msg is Python's own English; the translations name the place without it.
        raise ImportRefused([Problem("json_syntax", f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                                     line=exc.lineno, column=exc.colno, detail=exc.msg)]) from None
    except RecursionError:
        raise ImportRefused([Problem("json_too_deep", "not valid for import: the JSON is nested too deeply")]) from None
    except ValueError as exc:  # NaN/Infinity, or an integer with thousands of digits
        raise ImportRefused([Problem("json_bad_value", f"not valid JSON: {exc}", detail=str(exc))]) from None


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ImportRefused([Problem(
            "json_not_utf8",
            f"not UTF-8 at line {line}, column {column} (byte {exc.start}); save the file as UTF-8 and import it again",
            line=line, column=column, byte=exc.start)]) from None
