"""Directives to units and the daily reports the desk chases (issue 4, item 6):
the dock panel, its dialogs and the data it reads on the runner."""

from widgets.directives.panel import DirectivesPanel

__all__ = ["DirectivesPanel"]
