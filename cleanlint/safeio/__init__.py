"""Reading and writing files and caches without surprises: atomic replacement, safe YAML,
printable names, the user's cache key and the cache folder.
"""
