"""The store's opening worker stops importing from the moment the terminal driver posts a key,
not only once the main thread has seen it (tui.startup.KeyFirst, issue 15). The main thread
may itself be waiting for the GIL then, behind the worker's imports."""

from __future__ import annotations

import threading

from tui.startup import KeyFirst


class _PostedKey:
    """A key waiting for `looks` looks, as KeyWaiting.waiting says after `posted()`."""

    def __init__(self, looks: int) -> None:
        self.left = looks
        self.looked = 0

    @property
    def waiting(self) -> bool:
        self.looked += 1
        self.left -= 1
        return self.left >= 0


def test_an_import_on_the_opening_thread_waits_while_a_posted_key_waits() -> None:
    keys = _PostedKey(3)
    first = KeyFirst(keys)
    first.install()
    try:
        assert first.find_spec("some.module", None) is None  # finds nothing: the real finders import
    finally:
        first.remove()
    assert keys.looked == 4 and keys.left < 0  # waited through three looks, went on at the fourth


def test_imports_on_other_threads_never_wait() -> None:
    keys = _PostedKey(3)
    first = KeyFirst(keys)
    first.install()
    try:
        seen: list[object] = []
        other = threading.Thread(target=lambda: seen.append(first.find_spec("some.module", None)))
        other.start()
        other.join()
        assert seen == [None] and keys.looked == 0
    finally:
        first.remove()
