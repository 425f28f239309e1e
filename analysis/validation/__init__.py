"""Scoring the package against the human-annotated reference data in ../shared/data.

Every loader here raises :class:`SharedDataMissing` when the reference data is absent, so tests
and notebooks can skip cleanly on a user's clone.
"""
