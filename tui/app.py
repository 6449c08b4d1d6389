"""The Textual application. Kept light to import (no SQLAlchemy): the first caseload page comes
with it (store.quick), the Store opens in a worker after the first frame, and every later read
and write runs in thread workers that hand frozen records back to the UI."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from store.clock import Clock
from tui.config import Config, save_setting
from tui.i18n import set_language, t
from tui.idle import IdleLockMixin
from tui.keys import localize_bindings
from tui.messages import DataChanged, OpenCitizen
# Every module that declares bindings is imported before `localize_bindings()` runs, so no key
# is ever described by its catalog key. They import nothing heavy.
from tui.forms import base as _form_base  # noqa: F401
from tui.forms import contact as _contact  # noqa: F401
from tui.screens import access_log as _access_log  # noqa: F401
from tui.screens import citizen as _citizen  # noqa: F401
from tui.screens import confirm as _confirm  # noqa: F401
from tui.screens import failed as _failed  # noqa: F401
from tui.screens import help as _help  # noqa: F401
from tui.screens import invitation as _invitation  # noqa: F401
from tui.screens import lists as _lists  # noqa: F401
from tui.screens import menu as _menu  # noqa: F401
from tui.screens import numbers as _numbers  # noqa: F401
from tui.screens.main import MainScreen

THEMES_CSS = "../themes/sagsdag.tcss"


class SagsdagApp(IdleLockMixin, App):
    CSS_PATH = THEMES_CSS
    TITLE = "Sagsdag"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "key.quit", id="app.quit"),
        # "?" is typed into a note like any other character; F1 opens help from anywhere.
        Binding("question_mark", "help", "key.help", id="app.help"),
        Binding("f1", "help", "key.help", show=False, id="app.help_f1", priority=True),
        Binding("ctrl+p", "command_palette", "key.palette", show=False, id="app.palette", priority=True),
        Binding("u", "undo", "key.undo", id="app.undo"),
        Binding("L", "access_log", "key.access_log", id="app.access_log"),
    ]

    def __init__(
        self,
        store: Any = None,
        *,
        opener: Callable[[], Any] | None = None,
        quick: Any = None,
        clock: Clock | None = None,
        caseworker: str | None = None,
        config: Config | None = None,
        language: str | None = None,
        read_only: bool = False,
    ) -> None:
        """Either a ready `store` (tests) or an `opener` run in a worker after the first frame;
        `quick` is the first caseload page read before start (store.quick), shown meanwhile."""
        self.config = config or Config()
        set_language(language or self.config.language)
        localize_bindings()
        super().__init__()
        self.store = store
        self.opener = opener
        self.quick = quick
        self.clock = store.clock if store is not None else clock or Clock()
        self.caseworker = store.caseworker if store is not None else caseworker
        self.read_only = read_only
        from tui.prefetch import Prefetcher

        self.prefetch = Prefetcher(self)
        from themes import register_all

        register_all(self)
        self.theme = self.config.theme
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    async def on_mount(self) -> None:
        for problem in self.config.problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)
        await self.push_screen(MainScreen(quick=self.quick))
        self.install_idle_lock(self.config.idle_lock_minutes)
        if self.store is not None:
            self.call_after_refresh(self.refresh_all)
        else:
            # After the first frame: the store's imports would otherwise delay it.
            self.call_after_refresh(self._open_store)

    # -- opening -----------------------------------------------------------------------------

    def _open_store(self) -> None:
        self._open_worker()

    @work(thread=True, exit_on_error=False, group="open")
    def _open_worker(self) -> None:
        try:
            store = self.opener() if self.opener is not None else None
        except BaseException as exc:  # noqa: BLE001 - shown on screen, never a traceback
            self.call_from_thread(self._open_failed, exc)
        else:
            self.call_from_thread(self._opened, store)

    def _opened(self, store: Any) -> None:
        self.store = store
        self.refresh_all()

    def _open_failed(self, exc: BaseException) -> None:
        from tui.screens.failed import OpenFailedScreen

        self.push_screen(OpenFailedScreen(exc))

    # -- data ------------------------------------------------------------------------------

    def refresh_all(self) -> None:
        """Reload every screen on the stack, so nothing shows a stale deadline after a write."""
        if self.store is None:
            return
        self.prefetch.clear()
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_data", None)
            if refresh is not None:
                refresh()

    @on(DataChanged)
    def _changed(self) -> None:
        self.refresh_all()

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

        self.push_screen(AccessLogScreen())

    def action_sparring(self) -> None:
        from tui.screens.lists import SparringScreen

        self.push_screen(SparringScreen())

    def action_numbers(self) -> None:
        from tui.screens.numbers import NumbersScreen

        self.push_screen(NumbersScreen())

    def action_undo(self) -> None:
        if self.read_only:
            self.notify(t("app.read_only_refused"), severity="warning")
            return
        self._undo()

    def _undo_done(self, label: str | None) -> None:
        if label is None:
            self.notify(t("undo.nothing"))
        else:
            self.notify(t("undo.done", what=t("action." + label)))
            self.refresh_all()

    def _undo(self) -> None:
        from tui.workers import run_write

        run_write(self, self.store.undo, self._undo_done)

    def set_theme(self, name: str) -> None:
        self.theme = name
        if isinstance(self.screen_stack[1] if len(self.screen_stack) > 1 else None, MainScreen):
            main = self.screen_stack[1]
            main._highlight(main.current)
        if not save_setting("theme", name):
            self.notify(t("config.not_saved"), severity="warning")
        self.refresh_all()  # status colours are baked into cells

    def _fatal_error(self) -> None:
        """A crash shows where it happened, never the values in play: Textual's own report prints
        local variables and the exception text, which can hold a CPR number or a note."""
        import sys

        import rich
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        trace = Traceback.extract(*sys.exc_info(), show_locals=False)  # type: ignore[arg-type]
        for stack in trace.stacks:
            stack.exc_value = t("crash.hidden")
        report = Traceback(trace, width=None, suppress=[rich])
        self._exit_renderables.append(Segments(self.console.render(report, self.console.options)))
        self._close_messages_no_wait()

    def get_system_commands(self, screen: Screen):  # type: ignore[no-untyped-def]
        from tui.palette import commands_for

        yield from commands_for(self, screen)
        yield SystemCommand(t("palette.quit"), t("palette.quit_help"), self.exit)
