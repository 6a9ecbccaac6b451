"""The site's generated pages, rendered from a checked catalogue as Markdown for the site engine."""
