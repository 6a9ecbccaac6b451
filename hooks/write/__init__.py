"""Writing entry files from the schema: new entries and the templates, ready to fill in."""
