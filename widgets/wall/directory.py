"""The wall's camera directory: the registry's active cameras with the URLs a decoder
opens (credentials or relay inserted). Built on a worker thread (SQL, decryption); the
result lives in memory only, since its URLs may hold passwords."""

from __future__ import annotations

from app.cameras.registry import CameraRegistry
from widgets.wall.wall import WallCamera


def load_directory(registry: CameraRegistry) -> dict[str, WallCamera]:
    """Blocking: call through the task runner."""
    out: dict[str, WallCamera] = {}
    for cam in registry.cameras(active_only=True):
        relay = bool(cam.relay_url)
        sub = registry.stream_url(cam, "sub") if (cam.sub_url or relay) else None
        out[cam.code] = WallCamera(
            code=cam.code, number=cam.id, name=cam.name, site=cam.site, zone=cam.zone or "",
            kind=cam.kind, sub_url=sub, main_url=registry.stream_url(cam, "main"),
            unit_id=cam.unit_id, onvif_url=cam.onvif_url,
            onvif_credentials=registry.site_key.decrypt(cam.credentials)
            if cam.credentials and cam.onvif_url else None)
    return out


__all__ = ["load_directory"]
