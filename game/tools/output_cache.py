"""What `validate` and `list` print, kept from one run to the next.

Their output depends only on the game's code, its data files, the mods, the libraries that
read them and the command line. A fingerprint of all of those (every file's contents, not
its time stamp) names a cache entry; when nothing changed since a run, the entry is printed
in a few milliseconds instead of importing pydantic and loading every file again. A changed,
added or removed file is a new fingerprint, so the command runs for real.

Only whole-program runs use it (`main()` with no argument list: in-process callers such as
tests always run the command). `BLUE_COMET_NO_CACHE=1` turns it off;
`BLUE_COMET_CACHE_DIR` puts it elsewhere than the user's cache folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from importlib.util import find_spec
from pathlib import Path
from stat import S_ISLNK, S_ISREG

ENV_OFF = "BLUE_COMET_NO_CACHE"
ENV_DIR = "BLUE_COMET_CACHE_DIR"
APP_NAME = "blue-comet-tactics"
VERSION = 1
KEEP = 64  # entries; the oldest are removed
MAX_FILES = 20_000  # a path argument larger than this (a whole home folder?) is not cached
MAX_FILE_BYTES = 64 * 1024 * 1024  # a larger file is none the game reads: do not hash it, do not cache
SKIP_DIRS = frozenset({".git", ".venv", "venv", "__pycache__", "node_modules", ".mypy_cache", ".ruff_cache"})
# The libraries whose release changes what the commands print.
LIBRARIES = ("pydantic", "pydantic_core", "yaml", "pytmx", "defusedxml", "packaging", "platformdirs", "pygame")
CONTENT_FOLDERS = ("units", "maps", "assets", "mods")


class TooLarge(Exception):
    """A path argument has too many files to fingerprint quickly."""


def enabled() -> bool:
    return os.environ.get(ENV_OFF, "") in ("", "0")


def cache_dir() -> Path:
    configured = os.environ.get(ENV_DIR)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME)) / "output"


def _files(root: Path) -> Iterator[Path]:
    """Every file under `root` (a folder of shipped content: only its content folders)."""
    if root.is_file():
        yield root
        return
    tops = [root / f for f in CONTENT_FOLDERS if (root / f).is_dir()]
    if tops:
        yield from (p for p in sorted(root.iterdir()) if p.is_file())
    for top in tops or [root]:
        for folder, dirs, names in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in sorted(names):
                yield Path(folder) / name


def _digest_tree(h: hashlib._Hash, root: Path, counted: list[int]) -> None:
    h.update(f"\0tree {root}\0".encode())
    if not root.exists():
        h.update(b"absent")
        return
    for path in _files(root):
        counted[0] += 1
        if counted[0] > MAX_FILES:
            raise TooLarge(str(root))
        name = path.relative_to(root) if path != root else path.name
        try:
            info = os.lstat(path)
            if not S_ISREG(info.st_mode):
                # A link, FIFO or device is never read (it could block or never end; the data
                # loaders refuse them too): its kind and where a link points are the input.
                target = os.readlink(path) if S_ISLNK(info.st_mode) else ""
                h.update(f"{name}\0special {info.st_mode:o} {target}\0".encode())
                continue
            if info.st_size > MAX_FILE_BYTES:
                raise TooLarge(f"{path}: {info.st_size} bytes")
            data = path.read_bytes()
        except OSError as exc:  # unreadable: the command will say so; do not cache around it
            raise TooLarge(f"{path}: {exc}") from None
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(hashlib.sha256(data).digest())


def fingerprint(command: str, argv: Sequence[str]) -> str | None:
    """The cache key of running `command` with `argv` here and now (None: do not cache)."""
    import game
    from game.content import content_root

    h = hashlib.sha256(f"v{VERSION}\0{command}\0{sys.version}\0{sys.prefix}\0{os.getcwd()}\0".encode())
    h.update(json.dumps(list(argv)).encode())
    package = Path(game.__file__).resolve().parent
    roots = [package, content_root(), _user_mods()]
    for name in LIBRARIES:
        spec = find_spec(name)
        h.update(f"\0lib {name} {spec.origin if spec else None}\0".encode())
        if spec is not None and spec.origin:
            stat = os.stat(spec.origin)
            h.update(f"{stat.st_size} {stat.st_mtime_ns}".encode())
    # Any argument naming a file or folder (a mod, --game-dir, a data file) is an input too.
    values = [a.partition("=")[2] if a.startswith("-") else a for a in argv]  # --game-dir=DIR too
    roots += [Path(v) for v in values if v and Path(v).exists()]
    counted = [0]
    try:
        for root in roots:
            if root == package:
                h.update(b"\0package\0")
                for path in sorted(package.rglob("*.py")):
                    h.update(f"{path.relative_to(package)}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
            else:
                _digest_tree(h, root.resolve(), counted)
    except TooLarge:
        return None
    return h.hexdigest()


def _user_mods() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)) / "mods"


def run_cached(command: str, argv: Sequence[str], run: Callable[[], int]) -> int:
    """`run()` (the command), or the output it gave last time with the same inputs."""
    key = fingerprint(command, argv) if enabled() else None
    entry = cache_dir() / f"{key}.json" if key else None
    if entry is not None:
        try:
            stored = json.loads(entry.read_text(encoding="utf-8"))
            out, err, code = stored["stdout"], stored["stderr"], int(stored["code"])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no entry yet, or a damaged one: run the command
        else:
            sys.stderr.write(err)
            sys.stdout.write(out)
            return code
    out_buf, err_buf = io.StringIO(), io.StringIO()
    completed = False
    try:
        with contextlib.redirect_stdout(out_buf), contextlib.redirect_stderr(err_buf):
            code = run()
        completed = True
    finally:  # --help exits with SystemExit: its text is shown, never stored
        sys.stderr.write(err_buf.getvalue())
        sys.stdout.write(out_buf.getvalue())
    if completed and entry is not None:
        _store(entry, {"stdout": out_buf.getvalue(), "stderr": err_buf.getvalue(), "code": code})
    return code


def _store(entry: Path, data: dict[str, object]) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(entry)
        old = sorted(entry.parent.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)[:-KEEP]
        for path in old:
            path.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full cache folder only costs the speed-up
