"""Cross-article consistency: report names, figures and dates that articles of one story disagree on.
The detection modules load when a consistency run starts; this file holds only the parser's default."""

# The command line imports this package for its parser's default, so `check` in a hook never pays for the
# detection modules.
DEFAULT_MIN_SIMILARITY = 0.035  # why this value: grouping.py
