"""Code shared by test folders that read the product from the outside (screen, terminal, CLI)."""
