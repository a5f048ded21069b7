"""The data sources of this console: their health, outages and refused records."""
