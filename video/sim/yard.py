"""A synthetic container yard seen by a camera, with known transforms (shift, rotation,
zoom, noise, brightness, H.264 compression): the pictures the image check
(video/drift.py) is tested and measured on (tests/test_drift.py, benchmarks/drift.py,
benchmarks/ptz.py). Not used by the application."""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import av
import cv2
import numpy as np

REF_SIZE = (1280, 720)     # the main stream's reference image
LIVE_SIZE = (640, 360)     # the sub-stream's live frame
WORLD_SIZE = (1600, 900)   # the yard around the view, so shifted views have content


@cache
def yard(seed: int = 7) -> np.ndarray:
    """A container yard, rgb24 at the reference's pixel scale: sky, textured asphalt,
    lane markings, corrugated containers with their numbers, a building with windows,
    light poles. Grey levels stay below ~200 so ×1.3 hardly saturates (as a properly
    exposed camera picture)."""
    rnd = np.random.default_rng(seed)
    w, h = WORLD_SIZE
    img = np.zeros((h, w, 3), np.float32)
    horizon = int(h * 0.3)
    t = np.linspace(0, 1, horizon)[:, None]
    img[:horizon] = np.stack([110 + 50 * t, 140 + 40 * t, 185 + 20 * t], axis=-1)
    ground = 95 + 35 * np.linspace(0, 1, h - horizon)[:, None, None]
    texture = cv2.GaussianBlur(rnd.normal(0, 14, (h - horizon, w)).astype(np.float32),
                               (0, 0), 1.5)[:, :, None]
    img[horizon:] = ground + texture + np.array([0, 2, -6], np.float32)
    img = np.clip(img, 0, 255).astype(np.uint8)
    # a warehouse with windows on the horizon
    cv2.rectangle(img, (900, horizon - 150), (1450, horizon + 40), (150, 140, 130), -1)
    for x in range(920, 1430, 45):
        for y in range(horizon - 130, horizon + 10, 40):
            cv2.rectangle(img, (x, y), (x + 25, y + 22), (60, 70, 90), -1)
    cv2.putText(img, "KHO CFS 3", (960, horizon - 160), cv2.FONT_HERSHEY_DUPLEX, 1.6,
                (40, 40, 60), 3, cv2.LINE_AA)
    # lane markings and a kerb
    for y in (int(h * 0.62), int(h * 0.85)):
        for x in range(0, w, 120):
            cv2.line(img, (x, y), (x + 70, y + 6), (196, 196, 180), 5, cv2.LINE_AA)
    cv2.line(img, (0, horizon + 60), (w, horizon + 90), (170, 160, 60), 4, cv2.LINE_AA)
    # containers: corrugated walls, door rods, numbers
    palette = [(170, 60, 40), (40, 90, 160), (60, 130, 70), (180, 140, 40), (120, 120, 125),
               (150, 50, 110), (30, 110, 120), (185, 95, 40)]
    for i in range(34):
        cw, ch = int(rnd.integers(140, 300)), int(rnd.integers(70, 130))
        x0 = int(rnd.integers(-40, w - 100))
        y0 = int(rnd.integers(horizon - 40, h - ch + 20))
        base = np.array(palette[i % len(palette)], np.int32)
        pitch = int(rnd.integers(7, 12))
        for k, x in enumerate(range(x0, x0 + cw, pitch)):
            shade = base + (18 if k % 2 else -18)
            cv2.rectangle(img, (x, y0), (min(x + pitch - 1, x0 + cw), y0 + ch),
                          tuple(int(v) for v in np.clip(shade, 0, 255)), -1)
        cv2.rectangle(img, (x0, y0), (x0 + cw, y0 + ch), (25, 25, 25), 3)
        for rod in (0.78, 0.88):
            xr = x0 + int(cw * rod)
            cv2.line(img, (xr, y0 + 6), (xr, y0 + ch - 6), (215 - 40, 190, 160), 2)
        code = "".join(chr(65 + int(c)) for c in rnd.integers(0, 26, 4))
        cv2.putText(img, f"{code} {int(rnd.integers(100000, 999999))}",
                    (x0 + 10, y0 + 30), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (235, 235, 225), 2,
                    cv2.LINE_AA)
    # light poles
    for x in range(80, w, 330):
        cv2.line(img, (x, horizon - 120), (x + 4, h), (70, 70, 75), 7, cv2.LINE_AA)
        cv2.circle(img, (x, horizon - 125), 12, (200, 200, 170), -1, cv2.LINE_AA)
    return img


def view(shift_x_pct: float = 0.0, shift_y_pct: float = 0.0, angle: float = 0.0,
         zoom: float = 1.0, size: tuple[int, int] = REF_SIZE, seed: int = 7) -> np.ndarray:
    """The camera's picture: the yard's centre at REF_SIZE scale, its content moved by
    the given % of the frame (right, down), turned counter-clockwise by `angle` degrees
    and magnified by `zoom`, then scaled to `size`."""
    world = yard(seed)
    cx, cy = WORLD_SIZE[0] / 2, WORLD_SIZE[1] / 2
    m = cv2.getRotationMatrix2D((cx, cy), angle, zoom)
    m[0, 2] += REF_SIZE[0] / 2 - cx + shift_x_pct / 100 * REF_SIZE[0]
    m[1, 2] += REF_SIZE[1] / 2 - cy + shift_y_pct / 100 * REF_SIZE[1]
    frame = cv2.warpAffine(world, m, REF_SIZE, flags=cv2.INTER_LINEAR,
                           borderMode=cv2.BORDER_REFLECT)
    if size != REF_SIZE:
        frame = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
    return frame


def noisy(frame: np.ndarray, sigma: float, seed: int = 1) -> np.ndarray:
    rnd = np.random.default_rng(seed)
    return np.clip(frame + rnd.normal(0, sigma, frame.shape), 0, 255).astype(np.uint8)


def brightness(frame: np.ndarray, factor: float) -> np.ndarray:
    return np.clip(frame.astype(np.float32) * factor, 0, 255).astype(np.uint8)


def h264(frame: np.ndarray, crf: int) -> np.ndarray:
    """The frame through an H.264 encoder and decoder (PyAV's FFmpeg, libx264), as a
    camera's stream would deliver it; crf 30+ is a sub-stream's quality."""
    enc = av.CodecContext.create("libx264", "w")
    enc.width, enc.height = frame.shape[1], frame.shape[0]
    enc.pix_fmt = "yuv420p"
    enc.time_base = Fraction(1, 15)
    enc.options = {"crf": str(crf), "preset": "veryfast", "tune": "zerolatency"}
    picture = av.VideoFrame.from_ndarray(frame, format="rgb24").reformat(format="yuv420p")
    picture.pts = 0
    packets = [*enc.encode(picture), *enc.encode(None)]
    dec = av.CodecContext.create("h264", "r")
    decoded = [f for p in packets for f in dec.decode(p)]
    decoded += dec.decode(None)
    return decoded[0].to_ndarray(format="rgb24")
