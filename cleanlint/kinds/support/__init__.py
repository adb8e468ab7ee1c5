"""What the kinds share or lean on: patterns and their gates, scoping a match, the language
identifiers, the glue and name tables. No kind of its own lives here.
"""
