"""One `mask_cpr`, owned by the store: every other module uses that one."""

from __future__ import annotations

import ast

from store.privacy import mask_cpr
from tests.architecture.imports import modules


def test_only_store_privacy_defines_mask_cpr() -> None:
    defined = sorted(
        name for name, path in modules().items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name == "mask_cpr"
    )
    assert defined == ["store.privacy"]


def test_the_ui_shows_the_stores_masking() -> None:
    from tui import format as cells

    assert cells.mask_cpr is mask_cpr
    assert str(cells.cpr_cell("010190-1234")) == "010190-XXXX"


def test_masking_never_echoes_more_than_a_birth_date() -> None:
    assert mask_cpr("010190-1234") == "010190-XXXX"
    assert mask_cpr("0101901234") == "010190-XXXX"
    assert mask_cpr(" 010190-1234") == "010190-XXXX"
    assert mask_cpr("12345a-6789") == "12345a-6XXX"  # never more than six digits
    assert mask_cpr("CPR 010190-1234") == "CPR 010190-XXXX"
