"""Crash-safe JSON files.

A save is written to a temporary file in the same folder, flushed and fsynced, then renamed
over the old one (an atomic step on every platform we run on). Before that, the previous
save is copied to `<name>.bak` the same way, so at any instant of a crash there is a complete
save: the new one, the old one, or the old one's backup.
"""

from __future__ import annotations

import contextlib
import glob
import json
import math
import os
import stat
import tempfile
import time
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


TEMP_SUFFIX = ".tmp"


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


STALE_SECONDS = 60.0  # a write takes milliseconds: an older temporary file was cut short


def remove_stale_temps(folder: Path, name: str = "*", *, min_age: float = STALE_SECONDS) -> int:
    """Remove the temporary files of writes that were cut short (a crash or kill between
    creating and renaming them), when at least `min_age` seconds old (another process may
    be writing a different file in the folder right now); `name` limits it to one file's.
    Returns how many went."""
    pattern = f".{name if name == '*' else glob.escape(name)}.*{TEMP_SUFFIX}"
    now = time.time()
    removed = 0
    with contextlib.suppress(OSError):
        for tmp in folder.glob(pattern):
            with contextlib.suppress(OSError):
                info = tmp.lstat()
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= min_age:
                    tmp.unlink()
                    removed += 1
    return removed


def _write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(folder, path.name, min_age=0)  # this file's own leftovers: only we write it
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
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
            old = _read_regular(path)
            parse_json(old.decode("utf-8"))  # only a good save is worth keeping as the backup
        except (OSError, ValueError):
            pass
        else:
            _write_atomically(backup_path(path), old)
    _write_atomically(path, data)


MAX_NUMBER_CHARS = 40  # no number a save holds is longer (seeds are 64-bit); past Python's limit needs 4,301


class _BadNumber(ValueError):
    pass


def _parse_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _BadNumber(f"holds a whole number {len(text):,} digits long (at most {MAX_NUMBER_CHARS})")
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text) if len(text) <= MAX_NUMBER_CHARS else math.inf
    if not math.isfinite(value):
        raise _BadNumber(f"holds the number {text[:24]}{'...' if len(text) > 24 else ''}, which is not finite")
    return value


def _parse_constant(name: str) -> Any:
    raise _BadNumber(f"holds {name}, which is not a number a save can hold")


def parse_json(text: str) -> Any:
    """`json.loads` refusing what no save holds: NaN, Infinity, numbers past 40 characters
    (they would trip Python's 4,300-digit conversion limit or overflow later). The error is a
    ValueError: a json.JSONDecodeError for bad syntax, else one saying which number."""
    return json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)


def _read_regular(path: Path) -> bytes:
    """The bytes of `path`: only a regular file (never a device or a FIFO, which could be read
    forever or block) of at most MAX_SAVE_BYTES. OSError or ValueError say why not."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("is not a regular file (a device, a pipe or a folder)")
        if info.st_size > MAX_SAVE_BYTES:
            raise ValueError(f"is {info.st_size} bytes, too large to be a save")
        if info.st_size == 0:
            raise ValueError("is empty (the save was interrupted)")
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(MAX_SAVE_BYTES + 1)
        if len(data) > MAX_SAVE_BYTES:
            raise ValueError("grew too large to be a save while it was read")
        return data
    finally:
        os.close(fd)


def read_json(path: Path) -> Any:
    """Read a JSON save; a missing, damaged, truncated or absurd file raises SaveError."""
    bak = backup_path(path)
    backup = bak if bak.exists() and bak != path else None
    try:
        raw = _read_regular(path)
    except FileNotFoundError:
        raise SaveError(path, "the file does not exist", backup=backup) from None
    except OSError as exc:
        raise SaveError(path, f"cannot be read ({exc.strerror or exc})", backup=backup) from None
    except ValueError as exc:
        raise SaveError(path, str(exc), backup=backup) from None
    text = ""
    try:
        if b"\x00" in raw:  # JSON text never holds NUL: an image, an archive, a disk error
            raise UnicodeDecodeError("utf-8", raw, raw.index(b"\x00"), raw.index(b"\x00") + 1, "NUL byte")
        text = raw.decode("utf-8")
        return parse_json(text)
    except UnicodeDecodeError:
        raise SaveError(path, "is not a text save file (binary or foreign data)", backup=backup) from None
    except json.JSONDecodeError as exc:
        # An error at the very end (or an unclosed string) means the file was cut short.
        cut = exc.msg.startswith("Unterminated") or exc.pos >= len(text.rstrip()) - 1
        what = "is truncated" if cut else "is damaged"
        raise SaveError(
            path, f"{what} (invalid JSON at line {exc.lineno}, column {exc.colno})", backup=backup
        ) from None
    except _BadNumber as exc:
        raise SaveError(path, f"is damaged: it {exc}", backup=backup) from None
    except RecursionError:
        raise SaveError(path, "is nested too deeply to be a save", backup=backup) from None
    except ValueError as exc:  # anything else json refuses
        raise SaveError(path, f"is damaged ({exc})", backup=backup) from None
