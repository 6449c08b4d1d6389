from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.db.base import Base


class Meta(Base):
    """Key/value facts about the database itself, such as which rule profiles its stored
    deadlines were computed with."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
