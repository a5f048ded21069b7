"""What a camera-map file changes against the current version: positions and
calibrations added, removed, changed (old → new, field by field)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.cameras.map_model import (
    CALIBRATION_COMPARED,
    POSITION_COMPARED,
    Calibration,
    CameraMapData,
    WatchPosition,
)


# -- differences -----------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class PositionChange:
    old: WatchPosition
    new: WatchPosition
    changes: tuple[FieldChange, ...]

    @property
    def key(self) -> tuple[str, str]:
        return self.new.key


@dataclass(frozen=True)
class CalibrationChange:
    old: Calibration
    new: Calibration
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class CameraMapDiff:
    """What applying `data` changes against the version `base_version_id` (None:
    no version yet)."""

    base_version_id: int | None
    base_number: int | None
    added: tuple[WatchPosition, ...]
    removed: tuple[WatchPosition, ...]
    changed: tuple[PositionChange, ...]
    calibrations_added: tuple[Calibration, ...]
    calibrations_removed: tuple[Calibration, ...]
    calibrations_changed: tuple[CalibrationChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.calibrations_added
                    or self.calibrations_removed or self.calibrations_changed)

    def summary_vi(self) -> str:
        """One line for the version's record (Vietnamese)."""
        return (f"Vị trí quan sát: thêm {len(self.added)}, bỏ {len(self.removed)}, "
                f"sửa {len(self.changed)}; hiệu chỉnh camera: thêm "
                f"{len(self.calibrations_added)}, bỏ {len(self.calibrations_removed)}, sửa "
                f"{len(self.calibrations_changed)}")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-9
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _changes(old: Any, new: Any, names: Sequence[str]) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(n, getattr(old, n), getattr(new, n)) for n in names
                 if not _same(getattr(old, n), getattr(new, n)))


def diff_data(current: CameraMapData, new: CameraMapData, base_version_id: int | None = None,
              base_number: int | None = None) -> CameraMapDiff:
    """Differences from `current` to `new` (positions by camera and position id,
    calibrations by camera), sorted by camera and position."""
    old_p = {p.key: p for p in current.positions}
    new_p = {p.key: p for p in new.positions}
    old_c = {c.camera: c for c in current.calibrations}
    new_c = {c.camera: c for c in new.calibrations}
    changed = []
    for key in sorted(old_p.keys() & new_p.keys()):
        ch = _changes(old_p[key], new_p[key], POSITION_COMPARED)
        if ch:
            changed.append(PositionChange(old_p[key], new_p[key], ch))
    cal_changed = []
    for cam in sorted(old_c.keys() & new_c.keys()):
        ch = _changes(old_c[cam], new_c[cam], CALIBRATION_COMPARED)
        if ch:
            cal_changed.append(CalibrationChange(old_c[cam], new_c[cam], ch))
    return CameraMapDiff(
        base_version_id=base_version_id, base_number=base_number,
        added=tuple(new_p[k] for k in sorted(new_p.keys() - old_p.keys())),
        removed=tuple(old_p[k] for k in sorted(old_p.keys() - new_p.keys())),
        changed=tuple(changed),
        calibrations_added=tuple(new_c[c] for c in sorted(new_c.keys() - old_c.keys())),
        calibrations_removed=tuple(old_c[c] for c in sorted(old_c.keys() - new_c.keys())),
        calibrations_changed=tuple(cal_changed))

