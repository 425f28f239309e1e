"""Chart functions: each takes a tidy DataFrame and returns a matplotlib Figure.

One module per family of measures; styling and saving live in :mod:`analysis.style`.
"""
