"""Code the tests share: drive the explorer headless, fuzz its keys, run the CLI and a loopback SSB."""
