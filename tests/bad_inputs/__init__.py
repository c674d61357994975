"""Malformed and hostile budget files, generated at test time (see :mod:`.make`)."""
