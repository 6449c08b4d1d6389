"""ctrl+p: every action of the current context (from its bindings), plus the themes. What the
palette offers is generated, so a new key is in the palette the moment it exists."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.host import host_of
from tui.i18n import t

THEME_NAMES = {
    "sagsdag-dark": "theme.dark", "sagsdag-light": "theme.light",
    "sagsdag-contrast": "theme.contrast", "sagsdag-ansi": "theme.ansi",
}
SKIP = {"app.palette", "app.quit", "app.help_f1"}


def commands_for(app: App[Any], screen: Screen[Any]) -> Iterator[SystemCommand]:
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        ident = binding.id or binding.action
        if not binding.description or ident in seen or ident in SKIP or not active.enabled:
            continue
        seen.add(ident)
        key = app.get_key_display(binding)
        yield SystemCommand(binding.description, t("palette.key", key=key),
                            partial(app.run_action, binding.action, active.node))
    for name, key in THEME_NAMES.items():
        yield SystemCommand(t("palette.theme", name=t(key)), t("palette.theme_help"), partial(host_of(app).set_theme, name))


# -- the palette itself, in the user's language, and the citizen jump ---------------------------

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider  # noqa: E402


class Palette(CommandPalette):
    """Textual's palette with its two English texts (the placeholder, "No matches found")
    taken from the catalog."""

    def __init__(self, providers=None, *, placeholder: str | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(providers, placeholder=placeholder or t("palette.placeholder"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        from rich.align import Align
        from rich.text import Text
        from textual.command import CommandList
        from textual.widgets.option_list import Option

        self._stop_no_matches_countdown()

        def show() -> None:
            if not search_value:
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(Align.center(Text(t("palette.no_matches"), style="not bold")), disabled=True, id=self._NO_MATCHES))
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class CitizenJump(Provider):
    """Every active citizen by name (fuzzy, regardless of case and accents) or by the digits of
    the CPR number; choosing one opens the citizen screen."""

    async def startup(self) -> None:
        import asyncio

        store = host_of(self.app).store
        self.rows = [] if store is None else await asyncio.to_thread(store.caseload)

    async def _wait_init(self) -> None:
        # Textual (8.2) awaits the start-up task inside the search of each keystroke, and the
        # next keystroke cancels that search: a fast typist (":lone" in one burst) cancelled
        # the start-up with it, and the palette stayed empty for good. Shielded, the start-up
        # runs to its end whichever search is waiting for it.
        import asyncio

        if self._init_task is not None:
            await asyncio.shield(self._init_task)
        self._init_task = None

    def _hit(self, row, score: float, shown):  # type: ignore[no-untyped-def]
        from tui.format import mask_cpr
        from tui.messages import OpenCitizen

        return Hit(score, shown, partial(self.app.post_message, OpenCitizen(row.citizen_id)),
                   text=row.name, help=t("jump.help", cpr=mask_cpr(row.cpr)))

    async def search(self, query: str) -> Hits:
        from rich.text import Text

        from store.fold import fold
        from tui.text import clean

        query = query.strip()
        digits = _digits(query)
        if digits and len(digits) == len(query.replace("-", "").replace(" ", "")):
            for row in self.rows:
                if _digits(row.cpr).startswith(digits[:10]):
                    yield self._hit(row, 1.0, Text(clean(row.name, limit=80)))
            return
        matcher = self.matcher(query)
        folded = fold(query)
        for row in self.rows:
            name = clean(row.name, limit=80)
            score = matcher.match(name)
            # The name as typed (any case, any accents) beats letters scattered through a
            # longer name: "olsen" finds Kim Olsen before Bodil Frederiksen.
            whole = bool(folded) and folded in fold(name)
            if score > 0:
                yield self._hit(row, max(score, 1.0) if whole else score, matcher.highlight(name))
            elif whole:
                yield self._hit(row, 0.5, Text(name))

    async def discover(self) -> Hits:
        from tui.format import mask_cpr
        from tui.messages import OpenCitizen
        from tui.text import clean

        for row in self.rows[:30]:  # worst first, as the caseload pane
            yield DiscoveryHit(clean(row.name, limit=80), partial(self.app.post_message, OpenCitizen(row.citizen_id)),
                               help=t("jump.help", cpr=mask_cpr(row.cpr)))


class PaletteMixin:
    """Mix into the App: ctrl+p opens the palette in the user's language, with citizens in it;
    `:` opens it for citizens only (as k9s's `:`)."""

    COMMANDS = App.COMMANDS | {CitizenJump}

    def action_command_palette(self) -> None:
        app: App[Any] = self  # type: ignore[assignment]  # a mixin: `self` is the App it is mixed into
        if app.use_command_palette and not CommandPalette.is_open(app):
            app.push_screen(Palette())

    def action_jump(self) -> None:
        app: App[Any] = self  # type: ignore[assignment]  # a mixin: `self` is the App it is mixed into
        if not CommandPalette.is_open(app):
            app.push_screen(Palette([CitizenJump], placeholder=t("jump.placeholder")))
