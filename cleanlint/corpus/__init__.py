"""Looking across a corpus rather than at one article: mining recurring lines into rule packs, and
the consistency report.
"""
