"""The cameras feature (Đ14.1): what the surveillance rooms watch with.

- `registry`: the camera directory (CameraRegistry), its import files, the demo's
  cameras, credentials encrypted with the site key;
- `map_model`, `map_import`, `map_diff`, `map_service`: the camera map (Đ14.1.1b) —
  calibrations and watch positions, the CSV/JSON/XLSX files, what a file changes,
  the versions and the service (CameraMap);
- `ptz_check`, `image_check`: the shift's check that the cameras are where the map
  says, by their PTZ status and by the picture;
- `ptz_holds`: who controls a PTZ camera now, shared by every console;
- `checklists`: the area checklists of the surveillance shift.

Camera health (outages) is one kind of source health: app/camera_health.py."""
