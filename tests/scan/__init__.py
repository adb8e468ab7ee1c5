"""Tests of the literal scan: the literals a pattern needs, and the characters it can start with."""
