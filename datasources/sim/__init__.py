"""The simulators of the external systems: programs of their own, speaking the
systems' real protocols on 127.0.0.1, started through app/simulators.py by the
demo command and the tests (never by the application)."""
