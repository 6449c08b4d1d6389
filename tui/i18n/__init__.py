"""Every string the user reads comes from one catalog, in Danish by default."""

from tui.i18n import dates
from tui.i18n.catalog import available, current_language, set_language, t

__all__ = ["available", "current_language", "dates", "set_language", "t"]
