"""Dialogs opened from the main window (imported when first needed, not at start-up)."""
