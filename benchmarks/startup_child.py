"""Child process of the start-up benchmark: starts the real client through
`main.main([...])` (the same code path as `python main.py --demo --user truongca`)
with one hook on `widgets.application.Startup`: when `ready` hands over the main
window, the first `dutylog.loaded` after it prints the wall-clock time and quits.

Output lines: "READY <time>", "LOADED <time> <rows>" (or "FAILED <reason>").
"""

from __future__ import annotations

import sys
import time

T_START = time.time()

USER = "truongca"
TIMEOUT_MS = 60_000


def _install_probe() -> None:
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    import widgets.application as application  # noqa: PLC0415

    real = application.Startup

    class ProbedStartup(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            self._probe_done = False
            self.ready.connect(self._probe_ready)
            self.failed.connect(lambda text: _out(f"FAILED {text or 'cancelled'}"))
            QTimer.singleShot(TIMEOUT_MS, self._probe_timeout)

        def _probe_ready(self, window) -> None:  # type: ignore[no-untyped-def]
            _out(f"READY {time.time():.6f}")
            window.dutylog.loaded.connect(self._probe_loaded)

        def _probe_loaded(self, rows: int) -> None:
            if self._probe_done:
                return
            self._probe_done = True
            _out(f"LOADED {time.time():.6f} {rows}")
            QTimer.singleShot(0, QApplication.quit)

        def _probe_timeout(self) -> None:
            if not self._probe_done:
                _out("FAILED timeout")
                QApplication.quit()

    application.Startup = ProbedStartup  # type: ignore[misc]


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> int:
    from main import main as client_main  # noqa: PLC0415

    _install_probe()
    _out(f"START {T_START:.6f}")
    return client_main(["--demo", "--user", USER])


if __name__ == "__main__":
    sys.exit(main())
