"""Frame buffers stay in the process's heap. Every decoded, scaled and converted picture
is a fresh buffer of a few hundred kilobytes; glibc serves such sizes with mmap and
returns them at once, so a 16-tile wall page-faults about 8,000 times a second. Raising
the mmap and trim thresholds (mallopt) keeps the buffers in the heap for reuse: the
faults drop to ~100/s. Linux with glibc only; elsewhere it does nothing."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys

log = logging.getLogger("customs.video")
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_done = False


def keep_frame_buffers(mmap_threshold: int = 8 << 20, trim_threshold: int = 256 << 20) -> bool:
    """Once per process; True when the allocator took the settings."""
    global _done  # noqa: PLW0603 - a process-wide setting, applied once
    if _done or not sys.platform.startswith("linux"):
        return _done
    _done = True
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        ok = bool(libc.mallopt(_M_MMAP_THRESHOLD, mmap_threshold)) and \
            bool(libc.mallopt(_M_TRIM_THRESHOLD, trim_threshold))
    except (OSError, AttributeError):
        ok = False
    log.debug("frame buffers kept in the heap: %s", ok)
    return ok


__all__ = ["keep_frame_buffers"]
