"""Exit statuses, as the command-line contract gives them, and the one-line error that ends a command."""

import sys

from ..safeio.printable import one_line

EXIT_CLEAN = 0  # nothing to report
EXIT_FINDINGS = 1  # findings (for `fix`: findings that no fix could remove)
EXIT_ERROR = 2  # a usage, settings, rule or input error


def error_exit(message: str) -> int:
    """Say `message` as one line on standard error (a file name in it may hold a newline) and give the
    status of an error."""
    print(one_line(f"cleanlint: error: {message}"), file=sys.stderr)
    return EXIT_ERROR
