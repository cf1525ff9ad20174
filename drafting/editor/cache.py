"""Small per-app caches (one app, one database: a key never crosses databases)."""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock

from flask import current_app

_MISSING = object()


class LRU:
    """A thread-safe least-recently-used mapping of bounded size."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = Lock()

    def get(self, key, default=None):
        """Return the value under *key* (and mark it recently used), or *default*."""
        with self._lock:
            value = self._items.get(key, _MISSING)
            if value is _MISSING:
                return default
            self._items.move_to_end(key)
            return value

    def __contains__(self, key) -> bool:
        with self._lock:
            return key in self._items

    def put(self, key, value) -> None:
        """Store *value* under *key*, dropping the least recently used beyond the size."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def app_cache(name: str, size: int) -> LRU:
    """Return the app's cache called *name*, creating it on first use."""
    caches = current_app.extensions.setdefault("editor_caches", {})
    if name not in caches:
        caches[name] = LRU(size)
    return caches[name]
