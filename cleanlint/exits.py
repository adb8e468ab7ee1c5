"""Exit statuses, as the command-line contract gives them."""

EXIT_CLEAN = 0  # nothing to report
EXIT_FINDINGS = 1  # findings (for `fix`: findings that no fix could remove)
EXIT_ERROR = 2  # a usage, settings, rule or input error
