"""Scoring the package against the human-annotated reference data in ../shared/data.

Loaders raise :class:`analysis.errors.InputError` when the reference data is absent, and callers
(tests, the validation notebook) check :func:`analysis.paths.shared_data_dir` first to skip
cleanly on a user's clone.
"""
