"""Checking and fixing one document: the rules' checks run in turn, findings judged and made one
per span, and fixes applied pass after pass. Nothing here reads or writes a file.
"""
