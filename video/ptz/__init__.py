"""PTZ control: the controller protocol, the ONVIF driver and its wrappers."""
