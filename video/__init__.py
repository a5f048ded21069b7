"""Video: stream decoding, PTZ, snapshots, camera map (camera-wall work)."""
