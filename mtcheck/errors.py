"""Errors that reach the user as one clear line and exit status 2."""

from __future__ import annotations


class MtcheckError(Exception):
    """Base for expected, user-facing failures (bad input, bad options)."""


class InputError(MtcheckError):
    """The input files cannot be checked as given."""


class UsageError(MtcheckError):
    """Options or arguments that do not make sense together."""
