"""The package's own exceptions: every failure a user can cause ends in one of these."""

from __future__ import annotations


class AnalysisError(Exception):
    """Base class: the CLI prints its message as one line and exits with code 2."""


class InputError(AnalysisError):
    """The input cannot be analysed: missing, unreadable, empty, binary or not text."""


class EncodingError(InputError):
    """The bytes could not be decoded as text without guessing wildly."""


class ConfigError(AnalysisError):
    """A user-supplied configuration file (e.g. actors.yml) is invalid."""


def require_count(name: str, value: object, error: type[InputError] = InputError) -> None:
    """A count argument (workers, chunk size) is a whole number >= 1; a bool is not one."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise error(f"{name} must be a whole number >= 1, got {value!r}")
