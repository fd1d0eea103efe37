"""Monitoring and evaluation (monev) outputs built on the registry: the yearly
report with its legal deadline, agreements about to expire, and evaluation
against the ministry's seven criteria."""
