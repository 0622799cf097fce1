"""The interactive explorer: one screen class for the three themes, its widgets and styles.

Importing this package imports no Textual; `tui.app.run.run_app` starts the interface.
"""
