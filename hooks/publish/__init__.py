"""What a build publishes beside the pages: the search index, feeds and data files, the cleaned HTML of
generated pages, the security policy, and the staging that publishes a build whole or not at all."""
