"""Shared test settings.

Hypothesis' per-example deadline is a timing assertion, and speed is measured by
``make bench``, never by tests: on a loaded 2-core machine a first example that
imports a module can take 0.7 s and fail a correct test.
"""

from hypothesis import settings

settings.register_profile("registri", deadline=None)
settings.load_profile("registri")
