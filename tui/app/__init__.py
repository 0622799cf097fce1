"""The interactive explorer: the app, its screens, widgets, keys and styles.

Importing this package imports no Textual; `tui.app.run.run_app` starts the interface.
"""
