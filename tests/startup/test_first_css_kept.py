"""Textual's parsed stylesheets are kept (tui.parsed_css): what a kept source gives back is
what parsing it gives, rule for rule, and a changed theme or text is parsed again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import tui.compiled_once as once
import tui.parsed_css as parsed_css
from tests.startup.kept_code import fresh_kept_code


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = fresh_kept_code(tmp_path, monkeypatch)
    monkeypatch.setattr(once, "_asked", True)
    parsed_css.install()
    return path


def _sources() -> list[tuple[str, Any, bool, int, str]]:
    from textual.widgets import DataTable, Input

    from themes import CSS
    from tui.widgets.footer import QuietFooter

    return [(CSS.read_text(encoding="utf-8"), (str(CSS), ""), False, 0, ""),
            *((cls.DEFAULT_CSS, ("x.py", cls.__name__), True, -i, cls.__name__.lower())
              for i, cls in enumerate((DataTable, Input, QuietFooter)))]


def _stylesheet(theme: str) -> Any:
    from store.clock import Clock
    from tui.app import SagsdagApp
    from tui.config import Config

    return SagsdagApp(clock=Clock(), config=Config(theme=theme)).stylesheet


def _seen(rules: list[Any]) -> list[Any]:
    return [(rule.css, rule.selector_names, rule.pseudo_classes, rule.is_default_rules, rule.tie_breaker,
             sorted((key, repr(value)) for key, value in rule.styles.get_rules().items())) for rule in rules]


def test_a_kept_source_gives_what_parsing_it_gives(fresh: Path) -> None:
    once.install()
    parsed = [_seen(_stylesheet("sagsdag-dark")._parse_rules(*source)) for source in _sources()]
    assert once.save(asked=True)
    once._forget()
    once.install()
    calls: list[str] = []
    plain = parsed_css._plain

    def counting(*args: Any) -> Any:
        calls.append(args[1][:20])
        return plain(*args)

    parsed_css._plain = counting
    try:
        kept = [_seen(_stylesheet("sagsdag-dark")._parse_rules(*source)) for source in _sources()]
        assert calls == []
        assert kept == parsed
        # Another theme's variables, or another text, are parsed, not taken from the file.
        _stylesheet("sagsdag-light")._parse_rules(*_sources()[0])
        css, *rest = _sources()[0]
        _stylesheet("sagsdag-dark")._parse_rules(css + "\nTopBar { height: 2; }\n", *rest)
        assert len(calls) == 2
    finally:
        parsed_css._plain = plain


def test_each_stylesheet_gets_rule_sets_of_its_own(fresh: Path) -> None:
    once.install()
    source = _sources()[0]
    _stylesheet("sagsdag-dark")._parse_rules(*source)
    one, two = (_stylesheet("sagsdag-dark")._parse_rules(*source) for _ in range(2))
    assert _seen(one) == _seen(two) and not set(map(id, one)) & set(map(id, two))
