"""Pre-encoded camera streams for the simulator's `file=` mounts, so the demo wall and
the benchmarks replay H.264 instead of spending the cores on x264.

Each file is made once with Debian's ffmpeg (a moving test pattern with the camera's
label, the file's running clock and a frame counter burned in; constrained baseline,
no B-frames, a key frame every `fps` frames, SPS/PPS repeated before every key frame,
an access-unit delimiter per frame) as a raw Annex-B `.h264` file, with a `.json`
sidecar describing it. A file is reused when its sidecar matches the recipe and the
file's size; otherwise it is made again (written to a temporary name, then renamed, so
a half-written file is never taken for a good one).

    from video.sim.prepare import prepare, prepare_camera
    sub, main = prepare_camera("CAM 01")          # 640×360@15 and 1280×720@15

    python -m video.sim.prepare --label "CAM 01" --label "CAM 02" [--folder DIR]
    python -m video.sim.prepare --cameras 16       # CAM 01 … CAM 16
    python -m video.sim.prepare --cameras-json cams.json --config-out sim.json

`simulator_mounts(demo_cameras(port))` gives the simulator's mounts for camera records
(sub- and main streams, the test tone on the mobile camera).

The folder defaults to `$CUSTOMS_SIM_CACHE`, else the user's cache folder."""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger("customs.video.sim")

RECIPE = 3  # bump when the ffmpeg command changes: every cached file is made again
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SUB_SIZE = (640, 360)
MAIN_SIZE = (1280, 720)


@dataclass(frozen=True)
class Recipe:
    label: str
    width: int
    height: int
    fps: int = 15
    seconds: int = 10
    bitrate_kbps: int = 0          # 0: from the picture size
    recipe: int = RECIPE

    @property
    def bitrate(self) -> int:
        return self.bitrate_kbps or max(200, self.width * self.height * self.fps // 9000)

    def key(self) -> str:
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()[:10]

    def file_name(self) -> str:
        folded = unicodedata.normalize("NFD", self.label.lower().replace("đ", "d"))
        folded = "".join(c for c in folded if not unicodedata.combining(c))
        slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "camera"
        return f"{slug}-{self.width}x{self.height}-{self.fps}fps-{self.seconds}s-{self.key()}.h264"


def default_folder() -> Path:
    env = os.environ.get("CUSTOMS_SIM_CACHE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("customs-dutyroom")) / "sim"


def ffmpeg_binary() -> str:
    """Debian's ffmpeg (any ffmpeg on PATH when it is not there)."""
    for candidate in ("/usr/bin/ffmpeg", shutil.which("ffmpeg")):
        if candidate and Path(candidate).exists():
            return candidate
    raise FileNotFoundError("ffmpeg not found: install Debian's ffmpeg package (.ci/setup)")


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def is_valid(path: Path, recipe: Recipe) -> bool:
    """The file exists, starts with an H.264 start code and matches its sidecar."""
    try:
        meta = json.loads(_sidecar(path).read_text(encoding="utf-8"))
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(4)
    except (OSError, ValueError):
        return False
    return (meta.get("recipe") == asdict(recipe) and meta.get("bytes") == size and size > 0
            and head == b"\x00\x00\x00\x01"
            and meta.get("frames") == recipe.fps * recipe.seconds)


# Moving test scenes, one chosen per label so neighbouring tiles differ.
SCENES = ("testsrc2", "gradients=speed=0.03", "mandelbrot", "testsrc",
          "gradients=speed=0.08:nb_colors=4", "smptehdbars")


def _filter(recipe: Recipe, label_file: Path) -> str:
    font = max(12, recipe.height // 20)
    common = (f"fontfile={FONT}:fontsize={font}:fontcolor=white:box=1:boxcolor=black@0.6"
              ":boxborderw=6")
    scene = SCENES[int(hashlib.sha256(recipe.label.encode()).hexdigest(), 16) % len(SCENES)]
    name, _, options = scene.partition("=")
    options = (options + ":") if options else ""
    # A replayed file cannot burn in the time of day, and a stream clock ("00:00:07.3
    # #110") is not what an officer reads: the scene only; the tile names the camera
    # and shows the camera's time from the stream (RTCP), as for any camera
    del common, label_file
    return (f"{name}={options}size={recipe.width}x{recipe.height}:rate={recipe.fps},"
            "format=yuv420p")


def prepare(label: str, size: tuple[int, int] = SUB_SIZE, fps: int = 15, seconds: int = 10,
            folder: Path | str | None = None, bitrate_kbps: int = 0, make: bool = True) -> Path:
    """The pre-encoded file for this camera label and picture size, made if missing or
    invalid (or, with `make=False`, FileNotFoundError). Returns its path (the sidecar is
    the same path with `.json`)."""
    recipe = Recipe(label=label, width=int(size[0]), height=int(size[1]), fps=int(fps),
                    seconds=int(seconds), bitrate_kbps=int(bitrate_kbps))
    folder = Path(folder) if folder is not None else default_folder()
    path = folder / recipe.file_name()
    if is_valid(path, recipe):
        return path
    if not make:
        raise FileNotFoundError(path)
    folder.mkdir(parents=True, exist_ok=True)
    log.info("encoding %s (%dx%d@%d, %d s)", path.name, recipe.width, recipe.height,
             recipe.fps, recipe.seconds)
    frames = recipe.fps * recipe.seconds
    with tempfile.TemporaryDirectory(dir=folder, prefix=".prepare-") as tmp:
        label_file = Path(tmp) / "label.txt"
        label_file.write_text(label, encoding="utf-8")
        out = Path(tmp) / "out.h264"
        kbps = recipe.bitrate
        cmd = [ffmpeg_binary(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
               "-f", "lavfi", "-i", _filter(recipe, label_file), "-frames:v", str(frames),
               "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
               "-profile:v", "baseline", "-pix_fmt", "yuv420p", "-bf", "0",
               "-g", str(recipe.fps), "-keyint_min", str(recipe.fps), "-sc_threshold", "0",
               "-b:v", f"{kbps}k", "-maxrate", f"{kbps * 3 // 2}k", "-bufsize", f"{kbps}k",
               "-x264-params", "repeat-headers=1:aud=1",
               "-f", "h264", str(out)]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(f"ffmpeg failed for {path.name}: {result.stderr[-1000:]}")
        meta = {"recipe": asdict(recipe), "frames": frames, "fps": recipe.fps,
                "width": recipe.width, "height": recipe.height, "bytes": out.stat().st_size,
                "codec": "h264", "profile": "constrained-baseline", "gop": recipe.fps}
        os.replace(out, path)
        tmp_meta = Path(tmp) / "meta.json"
        tmp_meta.write_text(json.dumps(meta, indent=1), encoding="utf-8")
        os.replace(tmp_meta, _sidecar(path))
    return path


def prepare_camera(label: str, folder: Path | str | None = None, fps: int = 15,
                   seconds: int = 10) -> tuple[Path, Path]:
    """The sub-stream (640×360) and main-stream (1280×720) files of one camera."""
    return (prepare(label, SUB_SIZE, fps, seconds, folder),
            prepare(label, MAIN_SIZE, fps, seconds, folder))


def simulator_mounts(cameras: Iterable[Mapping[str, Any]], folder: Path | str | None = None,
                     seconds: int = 10, fps: int = 15, make: bool = True) -> list[dict[str, Any]]:
    """The simulator's `file=` mounts for camera records (dicts with `code`, optional
    `name` and `kind`, and `sub_url` / `main_url`: app/cameras/registry.py's demo_cameras()),
    each file made if missing: 640×360 for the sub-stream, 1280×720 for the main
    stream, the label "code name" burned in, and the test tone (`audio=true`) on the
    mobile camera's streams. Use as `{"mounts": simulator_mounts(...)}` in the
    simulator's --config file."""
    mounts: list[dict[str, Any]] = []
    for cam in cameras:
        label = " ".join(str(cam[k]) for k in ("code", "name") if cam.get(k))
        for key, size in (("sub_url", SUB_SIZE), ("main_url", MAIN_SIZE)):
            url = cam.get(key)
            if not url:
                continue
            mount: dict[str, Any] = {"path": urlsplit(str(url)).path,
                                     "file": str(prepare(label, size, fps, seconds, folder,
                                                         make=make))}
            if cam.get("kind") == "mobile":
                mount["audio"] = "true"
            mounts.append(mount)
    return mounts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--label", action="append", default=[], help="a camera label (repeatable)")
    p.add_argument("--cameras", type=int, default=0, help="also CAM 01 … CAM N")
    p.add_argument("--folder", type=Path, default=None)
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--fps", type=int, default=15)
    p.add_argument("--only", choices=("sub", "main", "both"), default="both")
    p.add_argument("--cameras-json", type=Path, default=None,
                   help="camera records (a JSON list with code, name, kind, sub_url, "
                        "main_url): write the simulator's config to --config-out")
    p.add_argument("--config-out", type=Path, default=None)
    p.add_argument("--demo", action="store_true", help="the demo site's cameras")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.demo:
        from app.cameras.registry import demo_cameras  # noqa: PLC0415

        mounts = simulator_mounts(demo_cameras(), args.folder, args.seconds, args.fps)
        sys.stdout.write(f"{len(mounts)} demo streams ready\n")
        return 0
    if args.cameras_json:
        if not args.config_out:
            p.error("--cameras-json needs --config-out")
        cameras = json.loads(args.cameras_json.read_text(encoding="utf-8"))
        mounts = simulator_mounts(cameras, args.folder, args.seconds, args.fps)
        args.config_out.write_text(json.dumps({"mounts": mounts}, ensure_ascii=False, indent=1),
                                   encoding="utf-8")
        sys.stdout.write(f"{args.config_out}\n")
        return 0
    labels = args.label + [f"CAM {i:02d}" for i in range(1, args.cameras + 1)]
    if not labels:
        p.error("give --label or --cameras")
    sizes = {"sub": [SUB_SIZE], "main": [MAIN_SIZE], "both": [SUB_SIZE, MAIN_SIZE]}[args.only]
    for label in labels:
        for size in sizes:
            path = prepare(label, size, args.fps, args.seconds, args.folder)
            sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
