"""Tests of the structure no removal may take: tables, code, transcripts, lists, verse, prose."""
