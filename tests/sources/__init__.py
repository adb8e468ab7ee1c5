"""Tests of reading and writing articles: text, Markdown, HTML and JSONL."""
