"""The Textual application. Kept light to import (no SQLAlchemy): the first caseload page comes
with it (store.quick), the Store opens in a worker after the first frame, and every later read
and write runs in thread workers that hand frozen records back to the UI."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.screen import Screen
from textual.widget import AwaitMount

if TYPE_CHECKING:
    from store.commands.base import ChangeSet
    from store.facade import Store
    from store.quick.reader import QuickCaseload

from store.clock import Clock
from tui.config import Config, save_setting
from tui.driver_keys import told_of_keys
from tui.i18n import set_language, t
from tui import undo_flow
from tui.idle import IdleLockMixin
from tui.keyorder import OrderedKeysMixin
from tui.palette import PaletteMixin
from tui import partial_frames
from tui.keys import localize_bindings, translate_on_import
from tui.messages import Changed, LoadFailed, OpenCitizen, Write
from tui.refresh import ShowsChanges
from tui.screen_mount import QuietScreenMount
from tui.writer import WriterMixin
from tui.startup import StartUp
from tui.screens.main import MainScreen

THEMES_CSS = "../themes/sagsdag.tcss"

partial_frames.install()  # partial frames render only the rows that changed (tui.partial_frames)


class SagsdagApp(WriterMixin, OrderedKeysMixin, PaletteMixin, IdleLockMixin, App[None]):
    CSS_PATH = THEMES_CSS
    TITLE = "Sagsdag"
    ENABLE_COMMAND_PALETTE = True
    ALLOW_IN_MAXIMIZED_VIEW = "QuietFooter"  # the footer stays under a maximised pane (Textual's default names its Footer)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "key.quit", id="app.quit"),
        # "?" is typed into a note like any other character; F1 opens help from anywhere.
        Binding("question_mark", "help", "key.help", id="app.help"),
        Binding("f1", "help", "key.help", show=False, id="app.help_f1", priority=True),
        Binding("ctrl+p", "command_palette", "key.palette", show=False, id="app.palette", priority=True),
        Binding("colon", "jump", "key.jump", id="app.jump"),
        Binding("w", "week", "key.week", id="app.week"),
        Binding("o", "tasks", "key.tasks", id="app.tasks"),
        Binding("u", "undo", "key.undo", id="app.undo"),
        Binding("U", "redo", "key.redo", show=False, id="app.redo"),
        Binding("L", "access_log", "key.access_log", id="app.access_log"),
    ]

    def __init__(
        self,
        store: Store | None = None,
        *,
        opener: Callable[[], Store] | None = None,
        quick: QuickCaseload | None = None,
        clock: Clock | None = None,
        caseworker: str | None = None,
        config: Config | None = None,
        language: str | None = None,
        read_only: bool = False,
        after_open: Callable[[], object] | None = None,
    ) -> None:
        """Either a ready `store` (tests) or an `opener` run in a worker after the first frame;
        `quick` is the first caseload page read before start (store.quick), shown meanwhile;
        `after_open` (the day's backup) runs in a worker once every pane has its data."""
        from tui.parsed_css import install as keep_parsed_css

        keep_parsed_css()  # tui.parsed_css
        self.config = config or Config()
        set_language(language or self.config.language)
        localize_bindings()
        translate_on_import()  # screens imported when first opened get their keys translated (tui.keys)
        super().__init__()
        self.store = store
        self.opener = opener
        self.quick = quick
        self.clock = store.clock if store is not None else clock or Clock()
        self.caseworker = store.caseworker if store is not None else caseworker
        self.read_only = read_only
        self._init_writer()
        self.startup = StartUp(self, after_open)
        from tui.prefetch import Prefetcher

        self.prefetch = Prefetcher(self)
        from themes import register_all

        register_all(self)
        self._first_theme(self.config.theme)
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    _theme_chosen = False

    def get_css_variables(self) -> dict[str, str]:
        """As Textual's, except inside `App.__init__`: it builds the colour system of Textual's
        default theme there (~1.5 ms), which `_first_theme` replaces before anything is parsed."""
        if not self._theme_chosen:
            return {}
        return super().get_css_variables()

    def _first_theme(self, name: str) -> None:
        """The configured theme, set before anything is styled. Setting `App.theme` runs
        Textual's watcher, which queues a full CSS refresh: the app's stylesheet parsed again
        with the new variables (into a fresh stylesheet, so the parse that follows found
        nothing cached and parsed it a third time) and the app restyled, ~5 ms of the main
        thread before the first frame (issue 15). Nothing is parsed or styled yet, so the
        watcher's other steps (classes, colour filter, variables) are all it takes. An unknown
        name goes the usual way and fails as it did."""
        self._theme_chosen = True
        if name not in self.available_themes:
            self.theme = name
            return
        self.set_reactive(App.theme, name)
        theme = self.current_theme
        classes = {old: False for old in self.classes if old.startswith("-theme-")}
        classes |= {f"-theme-{theme.name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark}
        self.update_classes(classes, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def get_default_screen(self) -> Screen[Any]:
        """The main screen is the first screen, not pushed over Textual's empty `_default`
        one: that screen was composed, styled three times (with its toast rack and tooltip)
        and laid out before the main screen came, never shown (~5 ms of the main thread before
        the first frame, issue 15). Nothing pops the main screen: it stays at the bottom."""
        return MainScreen(quick=self.quick)

    async def on_mount(self) -> None:
        for problem in self.config.problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)
        self.install_idle_lock(self.config.idle_lock_minutes)
        if self.store is not None:
            self.call_after_refresh(self.refresh_all)
        # After the first frame: the store opens in a worker that yields to every key.
        self.call_after_refresh(self.startup.begin)
        from tui.compiled_once import close

        self.call_after_refresh(close)  # nothing compiled from typed text is kept (tui.compiled_once)

    _key_seen: events.Key | None = None

    async def on_event(self, event: events.Event) -> None:
        # A key reaches the app three times (from the driver, then bubbling back up from the
        # focused widget and the screen): start-up hears of it once.
        if isinstance(event, events.Key):
            if event is not self._key_seen:
                self._key_seen = event
                self.startup.key()
            else:
                self.startup.key_again()  # its frame is the one after its last sight
        await super().on_event(event)

    def get_driver_class(self) -> type[Driver]:
        """The platform's driver, telling start-up of each key the moment it reads it, on its
        own thread (tui.driver_keys): start-up's workers and the warm-ups' steps wait from then."""
        return told_of_keys(super().get_driver_class())  # type: ignore[no-untyped-call]

    def _get_screen(self, screen: Screen[Any] | str) -> tuple[Screen[Any], AwaitMount]:
        """As Textual's, but a screen pushed for the first time is not laid out again once it
        has mounted: its resume has laid it out already (tui.screen_mount)."""
        next_screen = self.get_screen(screen)
        if next_screen.is_running:
            return super()._get_screen(screen)
        await_mount = QuietScreenMount(next_screen, self._register(self, next_screen))
        self.call_next(await_mount)
        return next_screen, await_mount

    async def _on_resize(self, event: events.Resize) -> None:
        """A Resize to the size the app already has changes nothing, and is dropped here. In
        Textual 8.2.8 `App._on_resize` remembers it anyway, and on the next idle the screen
        lays out and paints everything again: the terminal driver reports the size once more
        just after start, so the first frame was followed by a full layout (~60 ms of the
        main thread) exactly when the first key arrives (issue 15). A real change of size, or
        one while a resize is pending, goes on to Textual as before."""
        if self._size is not None and event.size == self._size and self._resize_timer is None:
            event.prevent_default()  # App._on_resize is not called
            event.stop()

    # -- data ------------------------------------------------------------------------------

    def refresh_all(self, *, in_turn: bool = False) -> None:
        """Everything on screen loads again: after the store opens (the panes in turn), and
        after an undo or a theme change, whose extent no change set describes."""
        if self.store is None:
            return
        from store.commands.base import ChangeSet

        self.refresh_for(ChangeSet.everything(), in_turn=in_turn)

    def refresh_for(self, changes: ChangeSet, *, in_turn: bool = False) -> None:
        """Screens that show any of the changed kinds reload; one that is covered (not
        visible) reloads when it is shown again. `in_turn`: the main screen's panes load one
        after the other (when the store has opened, MainScreen.load_in_turn)."""
        if self.store is None or not changes:
            return
        self.prefetch.clear()
        visible = self.visible_screens()
        for screen in self.screen_stack:
            if isinstance(screen, ShowsChanges):
                if in_turn and isinstance(screen, MainScreen) and screen in visible:
                    screen.load_in_turn()
                elif screen in visible:
                    screen.refresh_for(changes)
                else:
                    screen.missed(changes)

    def visible_screens(self) -> list[Screen[Any]]:
        """The top screen and, under a modal one, the screens it lets show through."""
        shown: list[Screen[Any]] = []
        for screen in reversed(self.screen_stack):
            shown.append(screen)
            if not screen.is_modal:
                break
        return shown

    @on(Write)
    def _write(self, message: Write) -> None:
        message.stop()
        self.queue_write(message)

    @on(Changed)
    def _changed(self, message: Changed) -> None:
        self.refresh_for(message.changes)

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.report(message.error)

    def report(self, error: BaseException) -> None:
        """The one place a failed load or write becomes a sentence on screen."""
        from tui.errors import describe  # imports SQLAlchemy's errors: kept out of start-up

        self.notify(describe(error), severity="error", timeout=12, markup=False)

    @on(OpenCitizen)
    def _open_citizen(self, message: OpenCitizen) -> None:
        from tui.screens.citizen import CitizenScreen

        self.push_screen(CitizenScreen(message.citizen_id))

    # -- actions ---------------------------------------------------------------------------

    def action_quit_failed(self) -> None:
        self.exit(return_code=2)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_access_log(self) -> None:
        from tui.screens.access_log import AccessLogScreen

        if self.store is None:  # L in the first instant, before the store has opened
            self.notify(t("app.still_opening"), severity="warning")
            return
        self.push_screen(AccessLogScreen())

    def action_sparring(self) -> None:
        from tui.screens.lists import SparringScreen

        self.push_screen(SparringScreen())

    def action_week(self) -> None:
        from tui.screens.week import WeekScreen

        self.push_screen(WeekScreen())

    def action_tasks(self) -> None:
        from tui.screens.tasks import TasksScreen

        self.push_screen(TasksScreen())

    def action_numbers(self) -> None:
        from tui.screens.numbers import NumbersScreen

        self.push_screen(NumbersScreen())

    def action_undo(self) -> None:
        """Says what it will undo (action and citizen) and asks for a second `u`."""
        undo_flow.start(self, "undo")

    def action_redo(self) -> None:
        undo_flow.start(self, "redo")

    def set_theme(self, name: str) -> None:
        self.theme = name
        main = self.screen_stack[0]  # the first screen (get_default_screen)
        if isinstance(main, MainScreen):
            main._highlight(main.current)
        self._save_theme(name)  # a file write: off the UI thread
        self.refresh_all()  # status colours are baked into cells

    @work(thread=True, exclusive=True, exit_on_error=False, group="settings")
    def _save_theme(self, name: str) -> None:
        try:
            saved = save_setting("theme", name)
        except OSError:
            saved = False
        if not saved:
            self.call_from_thread(self.notify, t("config.not_saved"), severity="warning")

    def _fatal_error(self) -> None:
        """A crash shows where it happened, never the values in play: Textual's own report prints
        local variables and the exception text, which can hold a CPR number or a note."""
        import sys

        import rich
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        trace = Traceback.extract(*sys.exc_info(), show_locals=False)
        for stack in trace.stacks:
            stack.exc_value = t("crash.hidden")
        report = Traceback(trace, width=None, suppress=[rich])
        self._exit_renderables.append(Segments(self.console.render(report, self.console.options)))
        self._close_messages_no_wait()

    def get_system_commands(self, screen: Screen[Any]):  # type: ignore[no-untyped-def]
        from tui.palette import commands_for

        yield from commands_for(self, screen)
        yield SystemCommand(t("palette.quit"), t("palette.quit_help"), self.exit)
