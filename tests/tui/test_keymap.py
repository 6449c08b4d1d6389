"""One meaning per key, and one key table: every binding is in tui.keymap.KEY_TABLE, the
README's key table is made from it, and outside a dialog no key means two things."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tui.keymap import DIALOG_PREFIXES, KEY_TABLE, bindings_by_id, with_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_binding_is_in_the_key_table() -> None:
    listed = {ident for _where, ids in KEY_TABLE for ident in ids}
    missing = [i for i in bindings_by_id() if i not in listed and not i.startswith(DIALOG_PREFIXES)]
    assert missing == []


def test_the_readme_key_table_is_current() -> None:
    text = README.read_text(encoding="utf-8")
    assert with_table(text) == text, "run: python -m tui.keymap --write README.md"


def test_no_key_means_two_things_outside_a_dialog() -> None:
    from tui.i18n import t

    meanings: dict[str, set[str]] = defaultdict(set)
    for ident, binding in bindings_by_id().items():
        if ident.startswith(DIALOG_PREFIXES):
            continue
        for key in binding.key.split(","):  # type: ignore[attr-defined]
            meanings[key].add(t(binding.description))  # type: ignore[attr-defined]
    # esc means "back" on a screen and "cancel" in a form: both leave where you are; n is
    # "new" wherever it is (a citizen on the main screen, a line for this citizen on theirs).
    twice = {k: v for k, v in meanings.items() if len(v) > 1 and k not in ("escape", "n")}
    assert twice == {}
