"""Hypothesis settings for the fuzz tests.

``ci`` (the default) is derandomized: every run tries the same examples, so CI time is bounded
and a failure reproduces. ``campaign`` is for long runs outside CI
(``HYPOTHESIS_PROFILE=campaign pytest tests/fuzz``); see tests/fuzz/campaign.py for the
coverage-guided campaign.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, print_blob=True, suppress_health_check=_QUIET
)
settings.register_profile("campaign", max_examples=20_000, deadline=None, print_blob=True, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
