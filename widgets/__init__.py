"""Every Qt window, panel and dialog of the client."""
