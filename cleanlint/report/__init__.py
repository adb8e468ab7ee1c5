"""Results into what people and programs read: text, JSON, diffs, SARIF, GitHub annotations and the
HTML report.
"""
