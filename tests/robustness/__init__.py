"""Tests that bad files, random keys and odd terminals never break the product."""
