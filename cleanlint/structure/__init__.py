"""What an article's text is made of: tables, code, transcripts, content lists, verse and prose,
which no removal may take.
"""
