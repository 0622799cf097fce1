"""Fixtures for the explorer's tests; the shared test code lives in appkit.py."""

from appkit import dataset

__all__ = ["dataset"]
