"""Adapters to external systems and their simulators (data-panel work)."""
