"""The registry of sources: which kinds of system the client knows (a kind's typed
settings and the factory that builds its adapter), and the sources this console
runs, found by id. Reading every source's health in one call feeds the health
board and app/source_health.py's outage watch."""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from app.clock import Clock
from app.sources import SourceHealth
from datasources.base import Source, SourceSettings

log = logging.getLogger("customs.datasources")

Factory = Callable[[Any, Clock], Source[Any]]


@dataclass(frozen=True)
class SourceKind:
    kind: str
    settings_type: type[SourceSettings]
    factory: Factory
    description: str = ""

    def settings(self, values: Mapping[str, Any]) -> SourceSettings:
        """Typed settings from a mapping (a settings file's section): unknown keys are
        refused, so a misspelt option is not silently ignored."""
        known = {f.name for f in dataclasses.fields(self.settings_type)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"{self.kind}: unknown settings {', '.join(unknown)}")
        return self.settings_type(**values)


class SourceRegistry:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._kinds: dict[str, SourceKind] = {}
        self._sources: dict[str, Source[Any]] = {}
        self._lock = threading.Lock()

    # -- kinds ------------------------------------------------------------------------
    def register_kind(self, kind: SourceKind) -> None:
        if kind.kind in self._kinds:
            raise ValueError(f"source kind {kind.kind!r} registered twice")
        self._kinds[kind.kind] = kind

    def kinds(self) -> list[SourceKind]:
        return sorted(self._kinds.values(), key=lambda k: k.kind)

    def create(self, kind: str, values: Mapping[str, Any] | SourceSettings) -> Source[Any]:
        """Builds and adds a source of a registered kind."""
        try:
            k = self._kinds[kind]
        except KeyError:
            raise ValueError(f"unknown source kind {kind!r}") from None
        settings = values if isinstance(values, SourceSettings) else k.settings(values)
        if not isinstance(settings, k.settings_type):
            raise TypeError(f"{kind} takes {k.settings_type.__name__}")
        source = k.factory(settings, self.clock)
        self.add(source)
        return source

    # -- sources ----------------------------------------------------------------------
    def add(self, source: Source[Any]) -> None:
        with self._lock:
            if source.source_id in self._sources:
                raise ValueError(f"source {source.source_id!r} added twice")
            self._sources[source.source_id] = source

    def remove(self, source_id: str, timeout: float = 10.0) -> bool:
        with self._lock:
            source = self._sources.pop(source_id, None)
        return source.stop(timeout) if source is not None else False

    def get(self, source_id: str) -> Source[Any]:
        with self._lock:
            return self._sources[source_id]

    def __iter__(self) -> Iterator[Source[Any]]:
        with self._lock:
            return iter(list(self._sources.values()))

    def __len__(self) -> int:
        return len(self._sources)

    def health(self) -> list[SourceHealth]:
        return [s.health() for s in self]

    def stop_all(self, timeout: float = 10.0) -> bool:
        """Stops every source (in parallel: each stop waits for its own thread)."""
        results: dict[str, bool] = {}
        threads = [threading.Thread(target=lambda s=s: results.__setitem__(
            s.source_id, s.stop(timeout)), name=f"stop {s.source_id}") for s in self]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout + 1)
        return all(results.values()) and len(results) == len(threads)


__all__ = ["Factory", "SourceKind", "SourceRegistry"]
