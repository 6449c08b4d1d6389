"""The one way a CPR number is shown when it must not be shown whole: in panes, on the command
line, in import and export messages. Plain Python, cheap to import."""

from __future__ import annotations

import re

# ASCII digits only: a CPR number is never written in other scripts' digits.
_LEADING_DATE = re.compile(r"^\s*([0-9]{6})")
_DIGIT = re.compile(r"[0-9]")


def mask_cpr(text: str) -> str:
    """DDMMYY-XXXX for a value that starts with six digits (a CPR number, or a mistyped one
    with too many digits); in any other text every digit after the sixth becomes X. The birth
    date lets a caseworker recognise the person (or the row of a file); the serial never
    leaves, whatever the text looks like."""
    if not isinstance(text, str):
        return ""
    if found := _LEADING_DATE.match(text):
        return f"{found.group(1)}-XXXX"
    seen = 0

    def hide(match: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        return match.group(0) if seen <= 6 else "X"

    return _DIGIT.sub(hide, text)


# A CPR-shaped run anywhere in free text: six digits, an optional dash or space, four digits,
# not part of a longer number.
_IN_TEXT = re.compile(r"(?<![0-9])([0-9]{6})[- ]?[0-9]{4}(?![0-9])")


def mask_cprs_in(text: str, *, birth_date: bool = True) -> str:
    """Every CPR-shaped run inside a longer text (a refusal, a file name) masked: DDMMYY-XXXX,
    or XXXXXX-XXXX with `birth_date=False` where even the birth date has no business (the
    access log's file names). The rest of the text is untouched."""
    if not isinstance(text, str):
        return ""
    if birth_date:
        return _IN_TEXT.sub(lambda m: f"{m.group(1)}-XXXX", text)
    return _IN_TEXT.sub("XXXXXX-XXXX", text)
