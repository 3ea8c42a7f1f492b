"""The filter stage: select / ignore, inline suppressions, per-rule severity and the baseline.
It only filters: it makes no finding and changes no verdict.
"""
