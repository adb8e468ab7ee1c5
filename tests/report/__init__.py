"""Tests of the report formats: text, JSON, SARIF, GitHub and HTML."""
