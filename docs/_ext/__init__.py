"""Sphinx extensions of the frpolicy documentation, loaded by ``docs/conf.py``."""
