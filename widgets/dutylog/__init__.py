"""The duty-log editor: the shift's entries as a filtered table, and the form to
add and correct entries, usable from the keyboard."""
