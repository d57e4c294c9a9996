"""Domain tests: no Qt widgets (the case fixtures come from ``tests/conftest.py``)."""
