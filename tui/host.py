"""What screens and widgets may use of the app, typed: the store interface (never `Any`), the
clock, who is working and the one reporter of failures. `host(self)` instead of `self.app`,
which Textual types as a bare `App`; importing the app itself here would be a cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar, cast

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

    from store.clock import Clock
    from store.commands.base import ChangeSet
    from store.facade import Store
    from tui.config import Config
    from tui.prefetch import Prefetcher


class Host(Protocol):
    store: Store | None
    clock: Clock
    caseworker: str | None
    read_only: bool
    config: Config
    prefetch: Prefetcher

    def report(self, error: BaseException) -> None: ...

    def refresh_for(self, changes: ChangeSet) -> None: ...

    def set_theme(self, name: str) -> None: ...


def host(node: DOMNode) -> Host:
    return host_of(node.app)


R = TypeVar("R")  # what the app returns when it ends: any app will do


def host_of(app: App[R]) -> Host:
    """The same, for code handed the app itself (a command provider, the palette's commands)."""
    return cast("Host", app)
