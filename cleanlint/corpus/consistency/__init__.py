"""Cross-article consistency: report names, figures and dates that articles of one story disagree on.

The package is imported by the command line for its parser's default, so this file holds only that: the
detection modules load when a consistency run starts, and `check` in a hook never pays for them.
"""

DEFAULT_MIN_SIMILARITY = 0.035  # why this value: grouping.py
