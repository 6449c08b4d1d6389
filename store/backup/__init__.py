"""Backups through SQLite's online backup API, with daily/weekly/monthly rotation."""

from store.backup.copies import BackupInfo, backups_dir, list_backups, make_backup
from store.backup.rotation import rotate

__all__ = ["BackupInfo", "backups_dir", "list_backups", "make_backup", "rotate"]
