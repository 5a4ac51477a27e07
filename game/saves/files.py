"""Crash-safe JSON files.

A save is written to a temporary file in the same folder, flushed and fsynced, then renamed
over the old one (an atomic step on every platform we run on). Before that, the previous
save is copied to `<name>.bak` the same way, so at any instant of a crash there is a complete
save: the new one, the old one, or the old one's backup.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

MAX_SAVE_BYTES = 64 * 1024 * 1024  # far above any real battle; refuses absurd or hostile files


class SaveError(Exception):
    """A save file that cannot be used, with a message naming it and the problem."""

    def __init__(self, path: Path, problem: str, *, backup: Path | None = None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        hint = f" A backup is available: {backup}." if backup is not None else ""
        super().__init__(f"{path}: {problem}.{hint}")


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _fsync_dir(folder: Path) -> None:
    # Make the rename itself durable; not possible (nor needed) on every platform.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def atomic_write_json(path: Path, payload: Any, *, keep_backup: bool = True) -> None:
    """Write `payload` as JSON to `path` so that a crash at any moment leaves a loadable file."""
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if keep_backup and path.exists():
        try:
            old = path.read_bytes()
            json.loads(old)  # only a good save is worth keeping as the backup
        except (OSError, ValueError):
            pass
        else:
            _write_atomically(backup_path(path), old)
    _write_atomically(path, data)


def read_json(path: Path) -> Any:
    """Read a JSON save; a missing, damaged, truncated or absurd file raises SaveError."""
    bak = backup_path(path)
    backup = bak if bak.exists() and bak != path else None
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SaveError(path, "the file does not exist", backup=backup) from None
    except OSError as exc:
        raise SaveError(path, f"cannot be read ({exc.strerror})", backup=backup) from None
    if size > MAX_SAVE_BYTES:
        raise SaveError(path, f"is {size} bytes, too large to be a save", backup=backup)
    if size == 0:
        raise SaveError(path, "is empty (the save was interrupted)", backup=backup)
    try:
        raw = path.read_bytes()
        if b"\x00" in raw:  # JSON text never holds NUL: an image, an archive, a disk error
            raise UnicodeDecodeError("utf-8", raw, raw.index(b"\x00"), raw.index(b"\x00") + 1, "NUL byte")
        text = raw.decode("utf-8")
        return json.loads(text)
    except UnicodeDecodeError:
        raise SaveError(path, "is not a text save file (binary or foreign data)", backup=backup) from None
    except json.JSONDecodeError as exc:
        # An error at the very end (or an unclosed string) means the file was cut short.
        cut = exc.msg.startswith("Unterminated") or exc.pos >= len(text.rstrip()) - 1
        what = "is truncated" if cut else "is damaged"
        raise SaveError(
            path, f"{what} (invalid JSON at line {exc.lineno}, column {exc.colno})", backup=backup
        ) from None
    except RecursionError:
        raise SaveError(path, "is nested too deeply to be a save", backup=backup) from None
    except OSError as exc:
        raise SaveError(path, f"cannot be read ({exc.strerror})", backup=backup) from None
