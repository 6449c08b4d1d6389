"""A screen pushed for the first time is laid out once, not twice.

Textual 8.2.8's `App._get_screen` returns an `AwaitMount` for a new screen and schedules it
(`call_next`); when the screen has mounted it calls `screen.refresh(layout=True)`. By then the
screen has already been laid out and painted: `ScreenResume` is handled after the screen's
compose and mount (its `_pre_process`), and it lays the screen out at the terminal's size. So
the refresh came just after the first frame and laid out and repainted the whole screen again
(on the main screen ~15–20 ms of the main thread, while the first key waited; issue 15).

`QuietScreenMount` waits for the same thing — the screen mounted — and leaves the layout to the
resume. Carried here until Textual does the same upstream; tests/startup/test_first_paint.py
checks that the first frame is the only full layout and paint before the first key."""

from __future__ import annotations

from asyncio import create_task, wait
from collections.abc import Generator

from textual.widget import AwaitMount


class QuietScreenMount(AwaitMount):
    def __await__(self) -> Generator[None, None, None]:
        async def await_mount() -> None:
            if self._widgets:
                await wait([create_task(widget._mounted_event.wait(), name="await mount") for widget in self._widgets])

        return await_mount().__await__()
