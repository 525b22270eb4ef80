"""Reporters: turn a :class:`mtcheck.types.Report` into text, JSON, …"""

from mtcheck.report.base import FORMATS, render, write_atomic

__all__ = ["FORMATS", "render", "write_atomic"]
