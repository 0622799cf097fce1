"""The explorer's screens: one class for the three theme screens, and the dialogs over them.

A dialog is handed what it shows and imports neither the app nor the theme screen.
"""
