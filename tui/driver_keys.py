"""The terminal driver tells start-up the moment it has read a key, on its own thread.

A key is read by the driver's input thread and reaches the app's queue through
`asyncio.run_coroutine_threadsafe`: the app's `post_message` is not on that path, so a key
counted as waiting only once the main thread saw it. On a busy start the main thread waited
20-50 ms for the GIL before it did, while the workers ran on; and a warm-up step that stops
when a key comes (tui.between_keys) never heard of it. `told_of_keys(Driver)` is the driver
class with `process_message` telling `app.startup.key_posted()` first, on the driver's thread,
before the key is sent on."""

from __future__ import annotations

from functools import cache
from typing import Any

from textual import events
from textual.driver import Driver
from textual.message import Message


@cache
def told_of_keys(base: type[Driver]) -> type[Driver]:
    """`base` (the platform's driver class), telling start-up of each key as it reads it."""

    class KeysToldDriver(base):  # type: ignore[valid-type, misc]
        def process_message(self, message: Message) -> None:
            if isinstance(message, events.Key):
                startup: Any = getattr(self._app, "startup", None)
                if startup is not None:
                    startup.key_posted()  # one assignment: safe from this thread
            super().process_message(message)

    KeysToldDriver.__name__ = KeysToldDriver.__qualname__ = f"KeysTold{base.__name__}"
    return KeysToldDriver
