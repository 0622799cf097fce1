"""Code the tests share: drive the explorer headless, fuzz its keys."""
