"""Review pages: server-rendered HTML for reviewers, on top of the same registry."""
