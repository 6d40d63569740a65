"""Per-process memos of verdicts that are pure functions of a string (a name, a run of words).

Names repeat across the articles of a run, so rules remember what they concluded about a
spelling instead of looking it up again. A memo is emptied when it reaches its limit, which
bounds memory on long runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(Generic[K, V]):
    def __init__(self, limit: int = 200_000) -> None:
        self._values: dict[K, V] = {}
        self.limit = limit

    def get(self, key: K, make: Callable[[K], V]) -> V:
        values = self._values
        try:
            return values[key]
        except KeyError:
            pass  # the rare case, once per distinct key
        if len(values) >= self.limit:
            values.clear()
        value = values[key] = make(key)
        return value

    def __len__(self) -> int:
        return len(self._values)
