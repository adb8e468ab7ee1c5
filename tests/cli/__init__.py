"""Tests of the command line: options, exit statuses, one-line errors, the pre-commit hooks."""
