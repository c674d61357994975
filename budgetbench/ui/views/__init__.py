"""The main window's views, one per question a learner asks."""
