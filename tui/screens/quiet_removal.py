"""A screen that is closed is removed without laying out and painting the screen beneath again.

Textual 8.2 removes a popped screen as it removes any widget: once its widgets are pruned it
calls `parent.refresh(layout=True)` on the removed node's parent, so that the siblings take up
the room it left. A screen's parent is the App, whose `refresh` passes that on to the current
screen: the screen now shown (the main screen, when a citizen is closed) is laid out and
painted in full a second time, one frame after it was painted on being resumed, although no
widget of it moved. Measured on closing a citizen at 160x48 (issue 11): a reflow and a second
full paint of the five panes, about a third of the main thread's work for `esc`.

`QuietRemoval` prunes the screen with no parent to refresh. What the parent's refresh also did,
updating which widget is under the mouse, every frame of the resumed screen does already
(`Screen._compositor_refresh`). Carried here until Textual skips it for screens upstream."""

from __future__ import annotations

from typing import Any

from textual.await_remove import AwaitRemove


class QuietRemoval:
    """Mix into a Screen class (before `Screen` in the bases)."""

    def remove(self) -> AwaitRemove:
        screen: Any = self
        removed: AwaitRemove = screen.app._prune(screen, parent=None)
        return removed
