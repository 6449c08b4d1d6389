"""The key map: one table of where each key works, in the order a caseworker learns them.
The bindings themselves stay beside the actions they run (Binding(key, action, description,
id=...)); this table names them by id, so the help screen's order and the README's key table
are both made from it, and a test checks that every binding is in it, that the README is
current, and that no key means two things outside a dialog.

`python -m tui.keymap` prints the README table; `python -m tui.keymap --write README.md`
puts it between the README's `<!-- keys -->` markers."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.keytable import DIALOG_PREFIXES, KEY_TABLE, SHOWN_KEYS, position  # noqa: F401  (re-exported)


def bindings_by_id() -> dict[str, object]:
    from textual.binding import Binding
    from textual.dom import DOMNode

    from tui.keys import _SOURCE, _ours, _walk, import_binding_modules

    import_binding_modules()

    found: dict[str, object] = {}
    for cls in _walk(DOMNode):
        if _ours(cls):
            for b in cls.__dict__.get(_SOURCE, cls.__dict__.get("BINDINGS", [])):
                if isinstance(b, Binding) and b.id:
                    found.setdefault(b.id, b)
    return found


def shown_key(key: str) -> str:
    return "/".join(SHOWN_KEYS.get(k, k) for k in key.split(","))


def readme_table(lang: str = "en") -> str:
    from tui.i18n import current_language, set_language, t

    before = current_language()
    set_language(lang)
    try:
        bindings = bindings_by_id()
        lines = [f"| {t('keymap.where')} | {t('keymap.keys')} |", "| --- | --- |"]
        for where, ids in KEY_TABLE:
            groups: list[tuple[list[str], str]] = []
            for ident in ids:
                b = bindings.get(ident)
                if b is None:
                    continue
                what = t(b.description)  # type: ignore[attr-defined]
                key = f"`{shown_key(b.key)}`"  # type: ignore[attr-defined]
                if any(key in keys and meaning == what for keys, meaning in groups):
                    continue  # the same key, the same meaning, in another pane of this row
                if groups and groups[-1][1] == what:
                    groups[-1][0].append(key)
                else:
                    groups.append(([key], what))
            cells = " · ".join(f"{'/'.join(keys)} {what.lower()}" for keys, what in groups)
            lines.append(f"| {t(where)} | {cells} |")
        return "\n".join(lines)
    finally:
        set_language(before)


START, END = "<!-- keys: made by `python -m tui.keymap --write README.md` -->", "<!-- /keys -->"


def with_table(readme: str) -> str:
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{readme_table()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--write"] and len(argv) == 2:
        path = Path(argv[1])
        path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(readme_table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
