"""Rule files into rules: finding, reading and validating them, the default packs, a corpus's
gazetteer, running each rule's examples, and the cache of loaded rules.
"""
