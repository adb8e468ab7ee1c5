"""Reading the rules' patterns once: the literals each needs, the characters it starts with, its
compiled form kept between runs, and the one pass over a text that lets a check skip it.
"""
