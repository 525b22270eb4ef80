"""Checks, one module per family; each registers its rules in :mod:`mtcheck.checks.registry`."""

from mtcheck.checks.registry import CheckContext, Rule, all_checks, all_rules, get_rule

__all__ = ["CheckContext", "Rule", "all_checks", "all_rules", "get_rule"]
