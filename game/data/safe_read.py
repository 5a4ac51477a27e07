"""Reading a data file's bytes only when it is an ordinary file of bounded size.

`Path.read_bytes` on `/dev/zero` or `/dev/urandom` never ends (their size reads as 0), and
on a FIFO it waits for a writer forever. Here the file is opened without blocking and
without following a final symbolic link, checked to be a regular file on the open handle
(so it cannot be swapped after the check), and read up to one byte past the limit.

A symbolic link is refused rather than followed: it could point anywhere on the machine,
and an error message quoting the start of the file would then show someone else's data.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


class FileRefused(Exception):
    """The file cannot or may not be read; `reason` says why, for a message naming the file."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`; FileRefused when it is missing, not a regular file, a symbolic
    link or larger than `max_bytes`."""
    linked = "is a symbolic link; only regular files are read (copy the file here instead)"
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            raise FileRefused(linked)
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # made a link between the check and the open
            raise FileRefused(linked) from None
        raise FileRefused(f"cannot read the file: {exc.strerror or exc}") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise FileRefused(f"is {kind_of(opened.st_mode)}, not a regular file; only regular files are read")
        if opened.st_size > max_bytes:
            raise FileRefused(f"file is {opened.st_size:,} bytes; it may be at most {max_bytes:,} bytes")
        chunks: list[bytes] = []
        total = 0
        want = opened.st_size + 1  # the size as stated, plus one byte to notice growth
        while total <= max_bytes:
            chunk = os.read(fd, min(want, max_bytes + 1 - total))
            want = 1 << 16
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:  # it grew while being read
            raise FileRefused(f"file grew past {max_bytes:,} bytes while being read (the limit)")
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefused(f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
