"""Where articles come from and go to: text, Markdown, HTML and JSONL files read into documents,
and fixed text written back without losing a byte.
"""
