"""Every screen, form and command-line message in both languages: no raw catalog key (a word
with an underscore, e.g. `timeline_statu…`) and no text of the other language (a catalog
sentence of the other language, or one of Textual's own English texts) on any of them."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.app_helpers import settle
from tests.tui.form_helpers import SIZE, find_citizen, open_citizen, to_main

RAW_KEY = re.compile(r"\b[a-z]+_[a-z_.]+")
# Names a person types or reads in a file or in SQLite's own settings: not catalog keys.
ALLOWED = {"first_request", "last_meeting", "journal_mode", "foreign_keys", "busy_timeout", "page_size",
           "auto_vacuum", "sqlite_version", "wal_autocheckpoint", "synchronous"}
# Textual's own texts that a caseworker could meet.
TEXTUAL_ENGLISH = ("Search for commands", "No matches found", "Copy selected text", "Focus Previous",
                   "Focus Next", "Page Left", "Page Right", "Scroll Home", "Scroll End", "Toggle")


ENGLISH_WORDS = re.compile(r"\b(the|is not|does not|was|please|could not|cannot|with the|of the)\b")


def _sentences(lang: str) -> set[str]:
    """The other language's catalog sentences worth looking for: several words, and not the
    same in both languages."""
    from tui.i18n.catalog import _catalog

    mine, other = _catalog(lang), _catalog("en" if lang == "da" else "da")
    found = set()
    for key, text in other.items():
        plain = re.split(r"\{[^}]*\}", text)
        for part in plain:
            part = part.strip(" .:·,;()—–-")
            if len(part) >= 14 and part.count(" ") >= 2 and part not in mine.values() and mine.get(key) != text:
                found.add(part)
    return found


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """The screen as lines of text, read from Textual's own SVG export."""
    svg = app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in re.findall(r'<text[^>]*\bx="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(y), []).append((float(x), html.unescape(text).replace("\xa0", " ")))
    return "\n".join("".join(text for _x, text in sorted(parts)) for _y, parts in sorted(rows.items()))


def check(text: str, lang: str, where: str) -> list[str]:
    problems = [f"{where}: raw key {m!r}" for m in RAW_KEY.findall(text) if m not in ALLOWED]
    flat = re.sub(r"\s+", " ", text)
    for sentence in _sentences(lang):
        if sentence in flat:
            problems.append(f"{where}: {('English' if lang == 'da' else 'Danish')} text {sentence!r}")
    if lang == "da":
        problems += [f"{where}: Textual's {s!r}" for s in TEXTUAL_ENGLISH if s in flat]
        # English no catalog holds (a message built in code): its little words give it away.
        problems += [f"{where}: English {line.strip()!r}" for line in text.splitlines() if ENGLISH_WORDS.search(line)]
    return problems


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_every_screen_and_form_speaks_one_language(make_app, demo_store, lang: str) -> None:
    from tui.screens.menu import MenuScreen

    app = make_app(lang=lang)
    found: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for n in "12345":
            await pilot.press(n)
            await settle(pilot)
            found += check(screen_text(app), lang, f"pane {n}")
        for key, name in (("f1", "help"), ("ctrl+p", "palette"), ("colon", "jump"), ("s", "sparring"), ("m", "numbers"),
                          ("L", "access log"), ("n", "new citizen")):
            await pilot.press(key)
            await settle(pilot)
            if name in ("palette", "jump"):
                for ch in "zzqx":
                    await pilot.press(ch)
                await pilot.pause(0.7)  # the palette's own "no matches" countdown
                await settle(pilot)
            found += check(screen_text(app), lang, name)
            await to_main(pilot)
        citizen = find_citizen(demo_store, lambda f: bool(f.absences) and bool(f.contacts))
        screen = await open_citizen(pilot, citizen.citizen.id)
        found += check(screen_text(app), lang, "citizen")
        await pilot.press("n")
        await settle(pilot)
        menu = app.screen
        assert isinstance(menu, MenuScreen)
        found += check(screen_text(app), lang, "new menu")
        keys = [key for key, _label, _run in menu.choices]
        await pilot.press("escape")
        for key in keys:
            if key == "k":
                continue  # the contact screen is its own flow, covered by its snapshot
            await pilot.press("n")
            await settle(pilot)
            await pilot.press(key)
            await settle(pilot)
            found += check(screen_text(app), lang, f"form n {key}")
            await pilot.press("ctrl+s")  # the errors beside the fields
            await settle(pilot)
            found += check(screen_text(app), lang, f"form n {key} errors")
            while app.screen is not screen:
                from tui.screens.confirm import ConfirmScreen

                await pilot.press("j" if isinstance(app.screen, ConfirmScreen) else "escape")
                await settle(pilot)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_command_line_message_speaks_one_language(run_cli, tmp_path: Path, lang: str) -> None:
    db = str(tmp_path / "cli.db")
    common = ("--db", db, "--today", "2026-11-23", "--lang", lang)
    found: list[str] = []

    def run(*args: str) -> None:
        _code, out, err = run_cli(*args, *common)
        found.extend(check((out + err).replace(str(tmp_path), "DIR"), lang, " ".join(args)))

    run("demo", "--citizens", "6")
    run("deadlines")
    run("agenda")
    good = tmp_path / "good.csv"
    good.write_text("cpr,name,phone,email,first_request,last_meeting,interval\n"
                    "010190-1235,Anna Hansen,,,2026-01-05,2025-12-01,6w\n", encoding="utf-8")
    run("import", "caseload", str(good))
    bad = tmp_path / "bad.csv"
    bad.write_text("cpr,name,phone,email,first_request,last_meeting,interval\n"
                   "020290-1234,Bo,,,2026-01-05,2026-02-31,6x\n,,,,,,\n", encoding="utf-8")
    run("import", "caseload", str(bad))
    run("import", "caseload", str(tmp_path / "missing.csv"))
    run("check")
    assert found == [], "\n".join(found)
