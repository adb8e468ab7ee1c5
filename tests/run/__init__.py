"""Tests of runs over many files: caches, baseline, fix log and undo, workers, Dask, Parquet."""
