"""Bytes of a spreadsheet export -> header-checked rows of text cells.

Only the shape of the file is judged here (encoding, delimiter, header, cell counts); what
the cells mean is `caseload_csv`'s business."""

from __future__ import annotations

import codecs
import csv
import difflib
import io
from dataclasses import dataclass

from store.importers.errors import ErrorList
from store.importers.problem import Problem

DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class CsvRow:
    number: int  # as a spreadsheet shows it: the header is row 1
    cells: dict[str, str]


# Byte-order marks of the encodings a spreadsheet may save in; UTF-32 before UTF-16, whose
# little-endian mark is the start of UTF-32's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)


def wide_encoding(data: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when the file is in one of them (Excel's "Unicode text" is
    UTF-16), by its byte-order mark or, without one, by the zero bytes every ASCII letter of
    the header then carries; None otherwise."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:400]
    if len(head) >= 8 and head.count(0) * 4 >= len(head):  # text never holds NUL bytes
        return "UTF-32" if head.count(0) * 4 >= len(head) * 3 else "UTF-16"
    return None


def decode(data: bytes, errors: ErrorList) -> str | None:
    wide = wide_encoding(data)
    if wide is not None:
        errors.add(Problem(
            "csv_wide", f"the file is saved as {wide}, not UTF-8; save it as UTF-8 (in Excel: \"CSV UTF-8\") "
            "and import it again", encoding=wide))
        return None
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        line = data[:offset].count(b"\n") + 1
        bad_lines = sum(1 for chunk in data[bom:].split(b"\n") if not _is_utf8(chunk))
        others = bad_lines - 1
        more = f" ({others} more {'line has' if others == 1 else 'lines have'} the same problem)" if others else ""
        errors.add(Problem(
            "csv_not_utf8" if not others else "csv_not_utf8_one" if others == 1 else "csv_not_utf8_more",
            f"line {line}: byte {offset} is not UTF-8{more}. The file was probably saved as "
            "Windows-1252 or Latin-1; save the file as UTF-8 (in Excel: \"CSV UTF-8\") and import it again",
            line=line, byte=offset, others=others))
        return None


def _is_utf8(chunk: bytes) -> bool:
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def sniff_delimiter(header_line: str) -> str:
    """The header is plain words, so whichever separator it uses most is the delimiter. A Danish
    Excel writes `;`, most other programs `,`."""
    return max(DELIMITERS, key=header_line.count)


def read_rows(text: str, columns: tuple[str, ...], errors: ErrorList) -> list[CsvRow]:
    """Rows keyed by column name. Header problems stop here: reading rows against a wrong
    header would only produce a wall of misleading errors."""
    if not text.strip():
        errors.add(Problem("csv_empty", f"the file is empty; the first row must be the header {','.join(columns)}",
                           columns=",".join(columns)))
        return []
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[CsvRow] = []
    try:
        header = next(reader)
        names = _check_header(header, columns, errors)
        if names is None:
            return []
        for number, cells in enumerate(reader, start=2):
            row = _row(number, cells, names, delimiter, errors)
            if row is not None:
                rows.append(row)
            if errors.full:
                break
    except csv.Error as exc:
        # exc is the csv module's English; the translations name the line without it.
        errors.add(Problem("csv_unreadable", f"line {reader.line_num}: cannot be read as CSV ({exc}); check the quotes on that row",
                           line=reader.line_num, detail=str(exc)))
        return []
    if not rows and not errors:
        errors.add(Problem("csv_no_rows", "the file has a header but no citizens below it"))
    return rows


def _check_header(header: list[str], columns: tuple[str, ...], errors: ErrorList) -> list[str] | None:
    names = [cell.strip().lstrip("\ufeff").lower() for cell in header]
    # Trailing empty header cells come from a stray delimiter at the end of the line.
    while names and not names[-1]:
        names.pop()
    present = [name for name in names if name]
    missing = [c for c in columns if c not in present]
    unknown = [n for n in present if n not in columns]
    duplicated = sorted({n for n in present if present.count(n) > 1})
    ok = True
    for name in unknown:
        guess = difflib.get_close_matches(name, missing or columns, n=1, cutoff=0.6)
        if guess:
            errors.add(Problem("header_unknown_guess", f"row 1 (header): column \"{_short(name)}\" is not known; did you mean {guess[0]}?",
                               name=_short(name), guess=guess[0]))
        else:
            errors.add(Problem("header_unknown", f"row 1 (header): column \"{_short(name)}\" is not known", name=_short(name)))
        ok = False
    for name in missing:
        errors.add(Problem("header_missing", f"row 1 (header): column {name} is missing", name=name))
        ok = False
    for name in duplicated:
        errors.add(Problem("header_twice", f"row 1 (header): column {name} appears more than once", name=name))
        ok = False
    if "" in names:
        errors.add(Problem("header_unnamed", f"row 1 (header): column {names.index('') + 1} has no name", n=names.index("") + 1))
        ok = False
    if not ok:
        errors.add(Problem("header_exact", f"the header must be exactly these columns, in any order: {','.join(columns)}",
                           columns=",".join(columns)))
        return None
    return names


def _row(number: int, cells: list[str], names: list[str], delimiter: str, errors: ErrorList) -> CsvRow | None:
    values = [cell.strip() for cell in cells]
    if not any(values):
        return None  # spreadsheets leave blank rows at the end; they carry nothing
    extra = values[len(names):]
    if len(values) < len(names) or any(extra):
        shown = Problem("tab", "tab") if delimiter == "\t" else delimiter
        errors.add(Problem(
            "csv_cells", f"row {number}: has {len(values)} cells but the header has {len(names)}; check for a missing "
            f"or extra {shown} (a value containing {shown} must be in double quotes)",
            row=number, cells=len(values), expected=len(names), separator=shown))
        return None
    return CsvRow(number, dict(zip(names, values)))


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
