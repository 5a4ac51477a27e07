"""Suspend and Continue behind a small interface, so the save system can replace the file store.

`JsonSessionStore` writes one JSON file atomically; a damaged file is reported, never raised.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Protocol

SUSPEND_VERSION = 1


class SessionStore(Protocol):
    def has_suspended(self) -> bool: ...

    def suspend(self, snapshot: dict[str, Any]) -> str | None:
        """Save; returns an error message or None."""
        ...

    def resume(self) -> tuple[dict[str, Any] | None, str | None]:
        """The suspended snapshot (or None) and an error message if the file is damaged."""
        ...

    def clear(self) -> None: ...


class JsonSessionStore:
    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / "suspend.json"

    def has_suspended(self) -> bool:
        return self.path.is_file()

    def suspend(self, snapshot: dict[str, Any]) -> str | None:
        data = {"version": SUSPEND_VERSION, **snapshot}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".suspend-", suffix=".json", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(data, fh, sort_keys=True)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, TypeError, ValueError) as exc:
            return f"could not save the battle to {self.path}: {exc}"
        return None

    def resume(self) -> tuple[dict[str, Any] | None, str | None]:
        if not self.path.is_file():
            return None, None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return None, f"{self.path}: the suspended battle could not be read ({exc})"
        if not isinstance(data, dict) or data.get("version") != SUSPEND_VERSION:
            return None, f"{self.path}: not a suspended battle of this version"
        return data, None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
