"""Tests of checking and fixing one document, and of what a fix may never do."""
