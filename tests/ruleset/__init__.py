"""Tests of rule files, the loader, the default rules' examples, the gazetteer and the rules cache."""
