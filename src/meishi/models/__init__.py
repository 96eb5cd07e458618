"""Pure model functions: numbers in, numbers out, no widgets, no plotting.

Each model is unit-tested against hand-computed cases in ``tests/``.
"""
