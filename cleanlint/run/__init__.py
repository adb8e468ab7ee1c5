"""One run over many documents: each document's outcome, the runners for files, JSONL and Parquet,
worker processes and Dask, the findings cache, the baseline, the fix log and undo.
"""
