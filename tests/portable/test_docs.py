"""docs/formats.md documents every key and allowed value the format has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from store.portable.spec import CITIZEN, SUPPLIER, TOP_KEYS, Entity, children

DOC = (Path(__file__).resolve().parents[2] / "docs" / "formats.md").read_text(encoding="utf-8")
ENTITIES = [CITIZEN, SUPPLIER, *{e.name: e for e in children(CITIZEN)}.values()]


def section(title: str) -> str:
    found = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^##)", DOC, re.S | re.M)
    assert found, f"docs/formats.md has no section '### {title}'"
    return found.group(1)


@pytest.mark.parametrize("entity", ENTITIES, ids=lambda e: e.name)
def test_every_key_and_allowed_value_is_documented(entity: Entity) -> None:
    text = section(entity.name)
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| `(\w+)` \|.*$", text, re.M)}
    assert list(rows) == [f.key for f in entity.fields], "keys missing, extra or out of order"
    for field in entity.fields:
        for choice in field.choices:
            assert f"`{choice}`" in rows[field.key], f"{entity.name}.{field.key}: {choice} not documented"


def test_the_top_level_keys_are_documented() -> None:
    text = section("Top level")
    assert re.findall(r"^\| `(\w+)` \|", text, re.M) == list(TOP_KEYS)
