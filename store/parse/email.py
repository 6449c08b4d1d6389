"""E-mail addresses: one @, something before it, a domain with a dot after it. Deliberately
loose beyond that (the address is for the caseworker to write to, not for a mail server to
validate): `abc`, `anna@`, `anna@mail` and `anna hansen@x.dk` are refused; `anna@kommune.dk`
and `jørgen.ø@post.dk` pass."""

from __future__ import annotations

import re

from store.parse._text import shown
from store.parse.errors import ParseError

EXAMPLE = "navn@eksempel.dk"
_LOCAL = re.compile(r"^[^\s@<>()\[\],;:\"]+$")
_LABEL = re.compile(r"^[^\W_](?:(?:[^\W_]|-)*[^\W_])?$")


def parse_email(text: str) -> str:
    stripped = text.strip() if isinstance(text, str) else ""
    if not stripped:
        raise ParseError("email.empty", "No e-mail address was given.", EXAMPLE)
    local, at, domain = stripped.rpartition("@")
    labels = domain.split(".")
    if (at and _LOCAL.match(local) and len(labels) >= 2 and all(_LABEL.match(label) for label in labels)
            and len(labels[-1]) >= 2 and not labels[-1].isdigit() and len(stripped) <= 254):
        return stripped
    raise ParseError("email.invalid", f"{shown(text)} is not an e-mail address: write name@domain.dk.", EXAMPLE,
                     text=text)
