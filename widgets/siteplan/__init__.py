"""The site plan: cameras and their fields of view on a site's plan (see readme.md)."""
