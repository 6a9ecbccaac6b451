"""The hub's model: kinds and their schemas, vocabularies, fields, slugs, addresses, the catalogue of entries,
and the settings the site's engine configuration gives.

Declared once here and read by every layer above; it checks nothing and renders nothing.
"""
