from __future__ import annotations

import re
from datetime import date

from store.demo.person import CprMaker, make_person
from tests.conftest import TODAY
from tests.demo.helpers import rows

CPR = re.compile(r"^(\d{2})(\d{2})(\d{2})-(\d)(\d{3})$")
PHONE = re.compile(r"^\d{2} \d{2} \d{2} \d{2}$")


def birth_date(cpr: str) -> date:
    """The CPR office's century rule, written out here so the test does not lean on the parser."""
    match = CPR.match(cpr)
    assert match, cpr
    day, month, yy, seventh = (int(match.group(i)) for i in range(1, 5))
    if seventh <= 3:
        century = 1900
    elif seventh in (4, 9):
        century = 2000 if yy <= 36 else 1900
    else:
        century = 2000 if yy <= 57 else 1800
    return date(century + yy, month, day)  # raises for a date that does not exist


def age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def test_demo_cprs_are_unique_real_dates_of_adults(demo_db) -> None:
    people = rows(demo_db, "select cpr, phone, name from citizen")
    cprs = [cpr for cpr, _, _ in people]
    assert len(set(cprs)) == len(cprs) == 48
    for cpr, phone, name in people:
        assert 18 <= age(birth_date(cpr), TODAY) <= 64, cpr
        assert PHONE.match(phone), phone
        assert len(name.split()) >= 2


def test_many_cprs_stay_unique_and_valid() -> None:
    import random

    rng, maker = random.Random(7), CprMaker()
    people = [make_person(rng, TODAY, maker) for _ in range(5000)]
    assert len({p.cpr for p in people}) == 5000
    for person in people:
        born = birth_date(person.cpr)
        assert born == person.born
        assert 18 <= age(born, TODAY) <= 64
        weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
        assert sum(int(d) * w for d, w in zip(person.cpr.replace("-", ""), weights)) % 11 == 0


def test_names_are_danish(demo_db) -> None:
    surnames = {name.split()[-1] for (name,) in rows(demo_db, "select name from citizen")}
    assert surnames & {"Hansen", "Nielsen", "Jensen", "Pedersen", "Andersen", "Larsen", "Sørensen", "Møller"}
