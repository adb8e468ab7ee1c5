"""Tests of the corpus-wide commands: mine and consistency."""
