"""Driving the real app on the demo caseload with a frozen today. `make_app` and `settle` are
shared by every test folder (tests/conftest.py, tests/app_helpers.py)."""
