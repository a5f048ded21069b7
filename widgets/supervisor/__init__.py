"""The shift leader's supervisor console (issue 4, item 8)."""

from widgets.supervisor.console import SupervisorConsole

__all__ = ["SupervisorConsole"]
