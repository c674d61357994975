"""Everything that touches files: readers, detection, mapping, normalisation, session, export."""
