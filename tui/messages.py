"""Messages that cross widget boundaries."""

from __future__ import annotations

from textual.message import Message


class OpenCitizen(Message):
    def __init__(self, citizen_id: int) -> None:
        super().__init__()
        self.citizen_id = citizen_id


class DataChanged(Message):
    """Posted after any write; every visible pane and screen reloads."""
