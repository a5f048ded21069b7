"""Which stream a tile plays, and which tiles shed load: pure decisions, no Qt, no I/O.

Stream choice (`StreamChoice`), after Nx Witness's "radass" controller: a tile plays the
camera's sub-stream while the picture it draws needs no more pixels than the
sub-stream has, and switches to the main stream when it needs clearly more (maximised,
a large layout cell, digital zoom). Hysteresis keeps a tile near the threshold from
flapping: up above `up_factor` × the sub-stream's width, down below `down_factor` × it,
and at most one switch per `min_interval` seconds (the first choice is immediate).

Load shedding (`LoadShedder`): when the GUI's event loop falls behind (the worst delay
of a periodic timer), the smallest tiles decode key frames only, one more per check
while it stays behind; when the loop has been healthy for a while they come back one
at a time, largest first. A maximised or zoomed tile is never shed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

SUB, MAIN = "sub", "main"


@dataclass
class StreamChoice:
    sub_width: int = 640          # the sub-stream's width in pixels (before its first frame)
    up_factor: float = 1.3        # needed width > sub × up  → main
    down_factor: float = 1.0      # needed width < sub × down → sub
    min_interval: float = 3.0     # s between two switches
    has_sub: bool = True
    current: str | None = None
    #: when a wanted switch waits out the interval: the time it may happen (else None);
    #: the caller asks again then
    retry_at: float | None = None
    _switched_at: float = field(default=float("-inf"), repr=False)

    def decide(self, needed_width: float, now: float, *, force_main: bool = False) -> str:
        """The stream to play for a picture `needed_width` device pixels wide (the drawn
        width times the digital zoom); may return the current one to wait out the
        interval. `force_main` (a screenshot, a zoomed tile) skips the interval going up."""
        if not self.has_sub or force_main or needed_width > self.sub_width * self.up_factor:
            wanted = MAIN
        elif needed_width < self.sub_width * self.down_factor:
            wanted = SUB
        else:
            wanted = self.current or SUB   # inside the band: keep
        self.retry_at = None
        if self.current is None:
            self.current, self._switched_at = wanted, now
        elif wanted != self.current:
            if now - self._switched_at >= self.min_interval or (force_main and wanted == MAIN):
                self.current, self._switched_at = wanted, now
            else:
                self.retry_at = self._switched_at + self.min_interval
        return self.current


@dataclass(frozen=True)
class TileLoad:
    key: object                # the tile
    area: float                # drawn pixels
    protected: bool = False    # maximised or zoomed: never shed


@dataclass
class LoadShedder:
    behind_ms: float = 150.0    # worst loop delay above this → behind
    behind_after: int = 2       # behind checks in a row before a tile is shed (one
    #                             late timer is the OS scheduler, not the machine)
    healthy_ms: float = 50.0    # below this → healthy
    recover_after: int = 5      # healthy checks in a row before one tile comes back
    shed: set = field(default_factory=set)
    _healthy_run: int = 0
    _behind_run: int = 0

    def check(self, worst_delay_ms: float, tiles: Iterable[TileLoad]) -> set:
        """One periodic check: returns the set of tiles that should decode key frames only."""
        tiles = list(tiles)
        known = {t.key for t in tiles}
        self.shed &= known
        for t in tiles:
            if t.protected:
                self.shed.discard(t.key)
        if worst_delay_ms > self.behind_ms:
            self._healthy_run = 0
            self._behind_run += 1
            if self._behind_run < self.behind_after:
                return set(self.shed)
            candidates = sorted((t for t in tiles if not t.protected and t.key not in self.shed),
                                key=lambda t: t.area)
            if candidates:
                self.shed.add(candidates[0].key)
        elif worst_delay_ms < self.healthy_ms and self.shed:
            self._behind_run = 0
            self._healthy_run += 1
            if self._healthy_run >= self.recover_after:
                self._healthy_run = 0
                back = max((t for t in tiles if t.key in self.shed), key=lambda t: t.area)
                self.shed.discard(back.key)
        else:
            self._healthy_run = self._behind_run = 0
        return set(self.shed)


__all__ = ["MAIN", "SUB", "LoadShedder", "StreamChoice", "TileLoad"]
