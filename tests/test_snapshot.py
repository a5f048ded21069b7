"""Screenshot PNGs (Đ14.1.2b): rgb24 and bgra frames encode to the right pixels,
the evidence metadata (Vietnamese included) round-trips through iTXt chunks."""

from __future__ import annotations

import io
from datetime import datetime
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from app.clock import to_local
from tests.conftest import T0
from video.snapshot import (
    KEYWORDS,
    SnapshotMeta,
    encode_png,
    image_size,
    iso_local,
    meta_for,
    read_meta,
    read_text,
    to_rgb,
)

CAMERA = SimpleNamespace(code="HN-CAM-05", name="Bãi kiểm hóa tập trung",
                         site="Cửa khẩu quốc tế Hữu Nghị",
                         zone="Địa điểm kiểm tra hàng hóa tập trung")


def _frame(h: int = 72, w: int = 128) -> np.ndarray:
    y, x = np.mgrid[0:h, 0:w]
    return np.stack([(x * 2) % 256, (y * 3) % 256, (x + y) % 256], axis=-1).astype(np.uint8)


def _meta(w: int = 128, h: int = 72) -> SnapshotMeta:
    return meta_for(CAMERA, T0, "Xe tải biển số 12C-345.67 dừng lâu, mở thùng ngoài khu vực "
                                "kiểm hóa — nghi vấn sang tải", "Đỗ Quang Huy", w, h, "main")


def _pixels(png: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(png)) as im:
        assert im.mode == "RGB"
        return np.asarray(im)


def test_rgb24_frame_and_metadata_round_trip():
    frame, meta = _frame(), _meta()
    png = encode_png(frame, meta)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert np.array_equal(_pixels(png), frame)
    assert image_size(png) == (128, 72)
    back = read_meta(png)
    assert back == meta
    assert back.taken_at == f"{to_local(T0):%Y-%m-%dT%H:%M:%S}+07:00" and back.taken_at_utc == T0
    assert back.description.endswith("nghi vấn sang tải") and back.officer == "Đỗ Quang Huy"
    text = read_text(png)
    assert text[KEYWORDS["zone"]] == "Địa điểm kiểm tra hàng hóa tập trung"
    assert text["Software"] == "customs-dutyroom"
    # The chunks are iTXt (UTF-8), not Latin-1 tEXt.
    assert png.count(b"iTXt") >= len(KEYWORDS)
    assert "Bãi kiểm hóa tập trung".encode() in png


def test_bgra_frame_is_converted():
    rgb = _frame()
    bgra = np.concatenate([rgb[:, :, ::-1], np.full(rgb.shape[:2] + (1,), 255, np.uint8)],
                          axis=-1)
    assert np.array_equal(to_rgb(bgra), rgb)
    assert np.array_equal(_pixels(encode_png(bgra, _meta())), rgb)


def test_bad_frames_are_refused():
    with pytest.raises(ValueError):
        to_rgb(np.zeros((10, 10), np.uint8))
    with pytest.raises(ValueError):
        to_rgb(np.zeros((10, 10, 3), np.float32))
    with pytest.raises(ValueError):
        read_text(b"GIF89a")


def test_time_carries_the_offset():
    assert iso_local(datetime(2026, 11, 27, 17, 30)) == "2026-11-28T00:30:00+07:00"
