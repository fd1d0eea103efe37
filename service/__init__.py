"""Everything with state: registry, deduplication, jobs, HTTP API, review pages,
backfill, reports and the command line. Depends on ``extractor`` and ``models``;
nothing there depends on this package."""
