"""The `cleanlint` command: parsing, the commands, shared options and exit statuses. Only here (and
in reporters) is anything printed.
"""
