"""Uploads become jobs; workers read them; the API process files the results.

``queue`` (huey), ``store`` (job rows), ``intake`` (upload -> job), ``collector``
(result -> registry, leases), ``worker`` (consumers).
"""
