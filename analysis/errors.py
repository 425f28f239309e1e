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
