"""Reading files: front matter with the line of every value, a Markdown body's outline, and the problems found.

The lowest layer: it knows nothing of the hub's schema, so anything above may use it.
"""
