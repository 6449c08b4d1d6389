"""Keys typed in a burst go where they would have gone one at a time.

Why this exists. Textual's App hands each key to the widget focused *at the moment the App
reads the key* and moves on to the next key at once; the key then travels up the DOM through
each widget's own message queue, and a binding such as tab (focus the next field) or `n` (open
a form) runs only when the key reaches the App again at the end of that trip. Keys read in one
go — a fast typist, a busy frame, tmux `send-keys Tab Tab 1234`, a terminal without bracketed
paste — are therefore all handed to the *old* focus before the first tab has moved it: two fast
tabs moved one field and the digits after them replaced the date in the field before.

The fix: while an earlier key (or anything it set off: a focus change, a form being mounted, a
Submitted message) is still being handled anywhere on the screen, later keys wait in order, and
each is released when the app is quiet again. A key typed into a quiet app goes straight
through, as before. If the app never becomes quiet (something awaits for long in a handler),
a held key is released after `MAX_HOLD` seconds rather than lost.

Second cause of reordering, in Textual's terminal parser: an escape character *inside* a
bracketed paste (`START-\\e[31mRED\\e[0m-END`) ends the paste early; the rest came out as
single keys *before* the paste itself (stored as `^[31mRED^[0m-ENDSTART-`). `PasteSafeParser`
keeps such an escape inside the paste."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Iterable
from typing import Any

from textual import events
from textual.message import Message

from tui.escape_then_key import EscapeThenKeyParser

MAX_HOLD = 3.0  # seconds a held key waits at most for a busy app (a form mounting on a loaded machine takes a while)
_RELEASED = "_sagsdag_released"

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
ESC = "\x1b"
# Stands in for an escape character inside a paste while Textual's parser reads it; a private
# use character no keyboard types.
_ESC_IN_PASTE = "\ue01b"


def _busy(node: Any, *, reading: bool = False) -> bool:
    """True while a widget (or the App) has messages waiting or is handling one. A message pump
    at rest sits in its queue's `get()`, waiting on the queue's event; one handling a message
    does not. `reading`: the caller is this pump, handling the key it is weighing."""
    if getattr(node, "_closed", False) or getattr(node, "_closing", False):
        return False
    if not getattr(node, "_is_mounted", True):
        return True  # composing and mounting run outside the queue; its on_mount may move the focus
    queue = getattr(node, "_message_queue", None)
    if queue is None:
        return False
    if queue.qsize():
        return True
    if reading or getattr(node, "_task", None) is None:
        return False
    event = getattr(queue, "ready_event", None)
    return event is not None and not getattr(event, "_waiters", True)


class OrderedKeysMixin:
    """Mix into the App before the other mixins that look at keys: `class App(OrderedKeysMixin, …)`."""

    _held_keys: deque[events.Key]
    _key_feeder: asyncio.Task[None] | None = None

    def _app_quiet(self, *, reading: bool = False) -> bool:
        """Nothing on the current screen is handling a message; with `reading`, the App itself
        is handling the key being weighed and only its queue counts."""
        app: Any = self
        if _busy(app, reading=reading):
            return False
        try:
            screen = app.screen
        except Exception:  # noqa: BLE001 - no screen yet: nothing to be busy
            return True
        return not any(_busy(node) for node in screen.walk_children(with_self=True))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and not getattr(event, _RELEASED, False):
            if not hasattr(self, "_held_keys"):
                self._held_keys = deque()
            if self._held_keys or not self._app_quiet(reading=True):
                self._held_keys.append(event)
                if self._key_feeder is None or self._key_feeder.done():
                    self._key_feeder = asyncio.create_task(self._feed_held_keys())
                return
        await super().on_event(event)  # type: ignore[misc]

    async def _feed_held_keys(self) -> None:
        app: Any = self
        while self._held_keys:
            deadline = time.monotonic() + MAX_HOLD
            spins = 0
            while not self._app_quiet() and time.monotonic() < deadline:
                spins += 1
                await asyncio.sleep(0 if spins < 50 else 0.002)
            key = self._held_keys.popleft()
            setattr(key, _RELEASED, True)
            app.post_message(key)
            # Let the App read the released key before the next one is weighed.
            while _busy(app) and time.monotonic() < deadline + MAX_HOLD:
                await asyncio.sleep(0)

    def get_driver_class(self):  # type: ignore[no-untyped-def]
        driver = super().get_driver_class()  # type: ignore[misc]
        import sys

        linux = sys.modules.get("textual.drivers.linux_driver")
        if linux is not None:
            # The driver builds its parser from this module-level name; ours differs in how an
            # escape inside a bracketed paste, and Esc with a key at once after it, are read.
            linux.XTermParser = PasteSafeParser  # type: ignore[attr-defined]
        return driver


class PasteSafeParser(EscapeThenKeyParser):
    """Textual's parser, except that an escape character inside a bracketed paste stays in the
    paste (in order) instead of ending it and coming out as keys ahead of it, and that Esc with
    a key at once after it is two keys (tui.escape_then_key)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._in_paste = False
        self._carry = ""

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # end of input: whatever was carried, then Textual's own end
            carry, self._carry = self._carry, ""
            if carry:
                yield from self._restore(super().feed(carry))
            yield from self._restore(super().feed(""))
            return
        shielded = self._shield(self._carry + data)
        if shielded:  # an empty feed would mean end of input to Textual
            yield from self._restore(super().feed(shielded))

    def _restore(self, tokens: Iterable[Message]) -> Iterable[Message]:
        for token in tokens:
            if isinstance(token, events.Paste) and _ESC_IN_PASTE in token.text:
                token = events.Paste(token.text.replace(_ESC_IN_PASTE, ESC))
            yield token

    def _shield(self, data: str) -> str:
        out: list[str] = []
        i = 0
        self._carry = ""
        while i < len(data):
            if not self._in_paste:
                start = data.find(PASTE_START, i)
                if start < 0:
                    out.append(data[i:])
                    break
                out.append(data[i:start + len(PASTE_START)])
                i = start + len(PASTE_START)
                self._in_paste = True
                continue
            esc = data.find(ESC, i)
            if esc < 0:
                out.append(data[i:])
                break
            out.append(data[i:esc])
            rest = data[esc:esc + len(PASTE_END)]
            if rest == PASTE_END:
                out.append(PASTE_END)
                i = esc + len(PASTE_END)
                self._in_paste = False
            elif PASTE_END.startswith(rest) and esc + len(rest) == len(data):
                self._carry = rest  # the end marker may be split across two reads
                break
            else:
                out.append(_ESC_IN_PASTE)
                i = esc + 1
        return "".join(out)
