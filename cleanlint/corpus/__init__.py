"""Looking across a corpus rather than at one article: mining recurring lines into rule packs, and
finding what the articles of one story disagree on.
"""
