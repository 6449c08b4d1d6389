from __future__ import annotations

import pytest

from store.parse import parse_email
from tests.parse.helpers import refused


@pytest.mark.parametrize("text", ["anna@kommune.dk", " anna.hansen+sag@aarhus.dk ", "jørgen@post.dk", "a@b.co",
                                  "x_y@sub.domain.org"])
def test_addresses_are_kept(text: str) -> None:
    assert parse_email(text) == text.strip()


@pytest.mark.parametrize("text", ["abc", "anna@", "@kommune.dk", "anna@kommune", "anna hansen@x.dk", "anna@x..dk",
                                  "anna@-x.dk", "anna@x.d", "anna@x.123", "a@b@", "anna@x_y.dk"])
def test_what_is_not_an_address_is_refused(text: str) -> None:
    refused(parse_email, text, "email.invalid")

