"""A fictional person: name, CPR number, phone, e-mail and address."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from store.demo import names

_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
# Danish letters in e-mail addresses, spelled the ASCII way.
_EMAIL_LETTERS: dict[str, str | int | None] = {"æ": "ae", "ø": "oe", "å": "aa", "é": "e"}


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    cpr: str
    born: date
    phone: str
    email: str | None
    address: str
    language: str | None


def phone(rng: random.Random) -> str:
    # Danish mobile numbers start with 2-9; written in pairs as Danes do.
    digits = str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return " ".join(digits[i:i + 2] for i in range(0, 8, 2))


def _serial_first(rng: random.Random, year: int) -> int:
    """The 7th digit must tell the birth century: 0-3 for 1900-1999; 4-9 cover 2000-2036."""
    return rng.randint(0, 3) if year < 2000 else rng.choice((4, 5, 6, 7, 8, 9))


class CprMaker:
    """Unique CPR numbers whose date exists and whose century digit fits. They also pass the
    modulus-11 check, so an export of the demo imports without a warning per citizen."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, rng: random.Random, born: date, female: bool) -> str:
        birth = born.strftime("%d%m%y")
        while True:
            serial = str(_serial_first(rng, born.year)) + f"{rng.randint(0, 99):02d}"
            head = birth + serial
            check = -sum(int(d) * w for d, w in zip(head, _WEIGHTS)) % 11
            # 10 cannot be a digit; the last digit is even for women, odd for men.
            if check == 10 or (check % 2 == 0) != female:
                continue
            cpr = f"{birth}-{serial}{check}"
            if cpr not in self.used:
                self.used.add(cpr)
                return cpr


def make_person(rng: random.Random, today: date, cprs: CprMaker, *, international: bool = False) -> Person:
    female = rng.random() < 0.5
    if international:
        first = rng.choice(names.INTERNATIONAL_FEMALE if female else names.INTERNATIONAL_MALE)
        last = rng.choice(names.INTERNATIONAL_SURNAMES)
        language = rng.choice(names.LANGUAGES)
    else:
        first = rng.choice(names.FEMALE if female else names.MALE)
        last = rng.choice(names.SURNAMES)
        language = None
    if female and not international and rng.random() < 0.15:
        first = f"{first} {rng.choice(names.MIDDLE)}"
    # Aged 18-64 today: born between 65 years ago (plus a day) and 18 years ago.
    oldest = date(today.year - 65, today.month, min(today.day, 28)) + timedelta(days=1)
    youngest = date(today.year - 18, today.month, min(today.day, 28))
    born = oldest + timedelta(days=rng.randint(0, (youngest - oldest).days))
    street = rng.choice(names.STREETS)
    number = rng.randint(1, 140)
    floor = rng.choice(("", "", "", ", st. tv.", ", 1. th.", ", 2. tv.", ", 3. mf."))
    postcode, town = rng.choice(names.TOWNS)
    email = None
    if rng.random() < 0.7:
        user = f"{first.split()[0]}.{last}".lower()
        user = user.translate(str.maketrans(_EMAIL_LETTERS))
        email = f"{user}{rng.randint(1, 99)}@mail.example"
    return Person(
        name=f"{first} {last}", cpr=cprs.make(rng, born, female), born=born, phone=phone(rng),
        email=email, address=f"{street} {number}{floor}, {postcode} {town}", language=language,
    )
