"""The hub's model: kinds and their schemas, vocabularies, fields, slugs, addresses and the catalogue of entries.

Declared once here and read by every layer above; it checks nothing and renders nothing.
"""
