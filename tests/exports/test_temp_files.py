"""Exports in shared folders: the temporary file is a new 0600 file with an unguessable name
in the target folder (O_CREAT|O_EXCL|O_NOFOLLOW), so nobody who pre-created the old
`.NAME.tmp`, or a symlink there, reads the export through a handle they kept."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from store.exports.files import write_private

SECRET = b"010190-1234;Anna Hansen\n"


def test_a_precreated_temporary_file_never_receives_the_export(tmp_path: Path) -> None:
    target = tmp_path / "liste.csv"
    planted = tmp_path / ".liste.csv.tmp"
    planted.write_bytes(b"")
    os.chmod(planted, 0o666)
    with open(planted, "rb") as kept:  # the other user's handle, opened before the export
        write_private(target, SECRET)
        assert kept.read() == b""
    assert target.read_bytes() == SECRET
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_symlink_at_the_temporary_name_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"")
    os.symlink(elsewhere, tmp_path / ".liste.csv.tmp")
    write_private(tmp_path / "liste.csv", SECRET)
    assert elsewhere.read_bytes() == b""


def test_the_temporary_file_is_opened_exclusive_no_follow_0600_beside_the_target(tmp_path: Path, monkeypatch) -> None:
    calls: list[tuple[str, int, int]] = []
    real_open = os.open

    def spy(path, flags, mode=0o777, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((os.fspath(path), flags, mode))
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    write_private(tmp_path / "liste.csv", SECRET)
    [(path, flags, mode)] = calls
    assert Path(path).parent == tmp_path
    assert flags & os.O_CREAT and flags & os.O_EXCL and flags & os.O_NOFOLLOW
    assert mode == 0o600
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_strict_umask_still_gives_a_readable_0600_file(tmp_path: Path) -> None:
    old = os.umask(0o277)
    try:
        write_private(tmp_path / "liste.csv", SECRET)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "liste.csv").stat().st_mode) == 0o600
