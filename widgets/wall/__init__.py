"""The live camera wall: tiles showing one camera stream each (`tile.CameraTile`)."""
