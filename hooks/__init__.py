"""The Shared Learning Hub's core: load, check and render entries.

Nothing in this package except `events.py` imports MkDocs, so the checks run the same from the
command line, the tests and the build, and the site can move to another engine by replacing
one adapter file.
"""
