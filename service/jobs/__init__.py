"""Uploads become jobs; workers read them; the API process files the results.

``store`` (the job rows, in ``registry.db``), ``queue`` (the contract both
backends keep), ``leases`` (SQLite: the rows are the queue), ``streams``
(Redis Streams with a consumer group), ``backends`` (which one), ``adopt``
(jobs of earlier releases moved in), ``intake`` (upload -> job),
``collector`` (result -> registry), ``worker`` (claim, read, hand back),
``receive`` (the upload loop).
"""
