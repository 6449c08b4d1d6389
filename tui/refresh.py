"""How a screen says what it shows. `shows` names record kinds — the store's table names, as
in `ChangeSet.kinds` — and `refresh_for(changes)` reloads what the change touched. The app
calls it on visible screens right after a write; a covered screen collects what it missed and
catches up when it is shown again (`catch_up`, from `on_screen_resume`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from store.commands.base import ChangeSet


class ShowsChanges:
    shows: ClassVar[frozenset[str]] = frozenset()
    _missed: ChangeSet | None = None

    def refresh_for(self, changes: ChangeSet) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def missed(self, changes: ChangeSet) -> None:
        self._missed = changes if self._missed is None else self._missed | changes

    def catch_up(self) -> None:
        if self._missed is not None:
            changes, self._missed = self._missed, None
            self.refresh_for(changes)
