"""Tests of the check kinds, each kind's options and edge cases."""
