"""Helpers the test packages share, imported as tests.helpers.<module>."""
