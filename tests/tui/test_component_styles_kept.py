"""A table's component styles are worked out once for each state it is in
(tui.widgets.focus_cost, `keep_component_styles`): every restyle, gaining or losing focus
among them, worked out all 18 from the stylesheet again. What is kept must be what Textual
works out, in every state, and a theme switch must start the keep afresh."""

from __future__ import annotations

from typing import Any

from tests.app_helpers import settle, warmed


def _rules(table: Any) -> dict[str, Any]:
    return {name: dict(styles.get_rules()) for name, styles in table._component_styles.items()}


async def test_each_state_is_worked_out_once_and_what_is_kept_is_what_textual_works_out(
        make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from textual.css.stylesheet import Stylesheet
    from textual.widget import Widget

    from tui.widgets import focus_cost
    from tui.widgets.table import SagsTable

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await warmed(pilot)
        for key in "23451" + "3251":  # each switch below, once before: the states it passes through
            await pilot.press(key)
            await settle(pilot)
        worked_out: list[str] = []
        apply = Stylesheet.apply

        def counting(self, node, **kwargs):  # type: ignore[no-untyped-def]
            if isinstance(node._parent, SagsTable) and not isinstance(node, Widget):
                worked_out.append(node._parent.id)  # a component class's styles, worked out
            return apply(self, node, **kwargs)

        monkeypatch.setattr(Stylesheet, "apply", counting)
        textual = focus_cost.TEXTUAL_PROCESS_COMPONENT_CLASSES
        tables = list(app.screen.query(SagsTable))
        for key in "3251":
            await pilot.press(key)
            await settle(pilot)
            assert worked_out == [], key
            for table in tables:  # kept == worked out afresh (which replaces them)
                kept = _rules(table)
                textual(app.stylesheet, table)
                assert _rules(table) == kept, (key, table.id)
            worked_out.clear()
        focused = app.screen.focused
        assert focused is not None
        assert _rules(focused) != _rules(next(t for t in tables if t is not focused))  # focus shows


async def test_a_theme_switch_works_the_styles_out_afresh(make_app) -> None:  # type: ignore[no-untyped-def]
    from tui.widgets.table import SagsTable

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await warmed(pilot)
        table = app.screen.query(SagsTable).first()
        before = _rules(table)
        app.set_theme("sagsdag-light")
        await settle(pilot)
        assert _rules(table) != before
        app.set_theme("sagsdag-dark")
        await settle(pilot)
        assert _rules(table) == before
