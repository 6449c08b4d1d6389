"""CPR numbers (the Danish personal identity number): reading and masking.

The birth date and century are encoded in the number, so a CPR is checked for a real date;
the modulus-11 check digit is only advisory because numbers issued since 2007 may fail it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from store.parse._text import ascii_re
from store.parse.errors import ParseError

_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
_CPR = ascii_re(r"^(\d{6})-?(\d{4})$")
_LOOKS_LIKE = ascii_re(r"^\s*(\d{6})\s*-?\s*\d{4}\s*$")

EXAMPLE = "241290-1234"
MODULUS11_WARNING = (
    "The CPR number fails the modulus-11 check; numbers issued since 2007 may do so, "
    "so check it against the case system."
)


@dataclass(frozen=True, slots=True)
class CprResult:
    cpr: str  # normalised DDMMYY-SSSS
    birth_date: date
    modulus11_ok: bool
    warnings: tuple[str, ...] = ()


def parse_cpr(text: str) -> CprResult:
    """Read DDMMYY-SSSS, DDMMYYSSSS or either with spaces. Raises ParseError.

    Messages never repeat the number (they end up in logs and screenshots) and read well
    inside a caller's own sentence about where the number was found."""
    compact = "".join(text.split()) if isinstance(text, str) else ""
    if not compact:
        raise ParseError("cpr.empty", "No CPR number was given.", EXAMPLE)
    found = _CPR.match(compact)
    if not found:
        digits = sum(ch in "0123456789" for ch in compact)
        other = any(ch not in "0123456789-" for ch in compact)
        raise ParseError(
            "cpr.format",
            f"A CPR number is 10 digits written DDMMYY-SSSS; this has {digits} digits"
            + (" and other characters." if other else "."),
            EXAMPLE,
            digits=digits,
        )
    birth, serial = found.groups()
    day, month, yy = int(birth[:2]), int(birth[2:4]), int(birth[4:])
    year = _century(int(serial[0]), yy) + yy
    try:
        born = date(year, month, day)
    except ValueError:
        raise ParseError(
            "cpr.date",
            f"The first six digits of a CPR number are the birth date DDMMYY; {birth} is not a date.",
            EXAMPLE,
            birth=birth,
        ) from None
    number = birth + serial
    ok = sum(int(d) * w for d, w in zip(number, _WEIGHTS)) % 11 == 0
    return CprResult(
        cpr=f"{birth}-{serial}", birth_date=born, modulus11_ok=ok,
        warnings=() if ok else (MODULUS11_WARNING,),
    )


def _century(seventh: int, yy: int) -> int:
    """The CPR office's rule: the first serial digit tells the century."""
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800


