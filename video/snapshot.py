"""Screenshot evidence as PNG (Đ14.1.2b; issue 3 item 6): a decoded frame (H×W×3
rgb24 or H×W×4 bgra, as `video.stream` delivers it) encoded with Pillow, with the
evidence's metadata — camera code and name, site, zone, time (ISO 8601 with the
offset), description, officer, source resolution, stream — in UTF-8 iTXt chunks,
and read back. No Qt: the GUI runs `encode_png` on a worker thread and hands the
bytes to `app.evidence.EvidenceStore.save`."""

from __future__ import annotations

import io
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

import numpy as np
from PIL import Image, PngImagePlugin

from app.clock import LOCAL_TZ

# PNG text keywords (Latin-1, ≤ 79 characters) of each metadata field.
KEYWORDS = {
    "camera_code": "Camera",
    "camera_name": "Camera Name",
    "site": "Site",
    "zone": "Zone",
    "taken_at": "Creation Time",
    "description": "Description",
    "officer": "Author",
    "source_width": "Source Width",
    "source_height": "Source Height",
    "stream": "Stream",
}
SOFTWARE = "customs-dutyroom"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class SnapshotMeta:
    camera_code: str
    camera_name: str
    site: str
    zone: str
    taken_at: str          # ISO 8601 with the offset, e.g. 2026-11-27T09:00:00+07:00
    description: str
    officer: str
    source_width: int
    source_height: int
    stream: str            # main | sub

    def to_text(self) -> dict[str, str]:
        return {KEYWORDS[f.name]: str(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_text(cls, text: dict[str, str]) -> SnapshotMeta:
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = str(text.get(KEYWORDS[f.name], ""))
            values[f.name] = int(raw) if f.name.startswith("source_") and raw.isdigit() else (
                0 if f.name.startswith("source_") else raw)
        return cls(**values)

    @property
    def taken_at_utc(self) -> datetime:
        """The time as stored in the database (naive UTC)."""
        return datetime.fromisoformat(self.taken_at).astimezone(UTC).replace(tzinfo=None)


def iso_local(utc_naive: datetime) -> str:
    """A stored UTC time as ISO 8601 in the room's time zone, with the offset."""
    return utc_naive.replace(tzinfo=UTC).astimezone(LOCAL_TZ).isoformat()


def meta_for(camera: Any, taken_at: datetime, description: str, officer: str, width: int,
             height: int, stream: str) -> SnapshotMeta:
    """The metadata of a screenshot of `camera` (anything with code, name, site and
    zone, e.g. app.db.models.Camera) taken at `taken_at` (naive UTC)."""
    return SnapshotMeta(camera_code=camera.code, camera_name=camera.name, site=camera.site,
                        zone=camera.zone or "", taken_at=iso_local(taken_at),
                        description=description, officer=officer, source_width=int(width),
                        source_height=int(height), stream=stream)


def to_rgb(frame: np.ndarray) -> np.ndarray:
    """An H×W×3 rgb24 frame from rgb24 (as is) or bgra (channels reordered, alpha dropped)."""
    if frame.ndim != 3 or frame.dtype != np.uint8 or frame.shape[2] not in (3, 4):
        raise ValueError(f"expected an H×W×3 rgb24 or H×W×4 bgra uint8 frame, got "
                         f"{frame.shape} {frame.dtype}")
    if frame.shape[2] == 3:
        return np.ascontiguousarray(frame)
    return np.ascontiguousarray(frame[:, :, 2::-1])


def encode_png(frame: np.ndarray, meta: SnapshotMeta, compress_level: int = 6) -> bytes:
    """PNG bytes of the frame with the metadata in iTXt chunks (UTF-8)."""
    image = Image.fromarray(to_rgb(frame), "RGB")
    info = PngImagePlugin.PngInfo()
    for key, value in meta.to_text().items():
        info.add_itxt(key, value, lang="vi")
    info.add_itxt("Software", SOFTWARE)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info, compress_level=compress_level)
    return out.getvalue()


def read_text(png: bytes) -> dict[str, str]:
    """Every text chunk (tEXt, zTXt, iTXt) of a PNG."""
    if not png.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        return {str(k): str(v) for k, v in getattr(image, "text", {}).items()}


def read_meta(png: bytes) -> SnapshotMeta:
    """The evidence metadata of a PNG written by encode_png."""
    return SnapshotMeta.from_text(read_text(png))


def image_size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        return image.size


__all__ = ["KEYWORDS", "PNG_SIGNATURE", "SnapshotMeta", "encode_png", "image_size", "iso_local",
           "meta_for", "read_meta", "read_text", "to_rgb"]
