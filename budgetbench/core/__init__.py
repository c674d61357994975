"""The budget domain: pure Python, pandas and numpy. Never imports Qt or matplotlib."""
