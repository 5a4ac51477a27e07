"""A bounded dict for caches of pure results."""

from __future__ import annotations

from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V], Generic[K, V]):
    """A dict of pure results that forgets everything once it holds more than `limit`
    (every entry is a pure function of its key, so forgetting only costs time)."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key: K, value: V) -> V:
        if len(self) > self.limit:
            self.clear()
        self[key] = value
        return value
