"""The window (PySide6 only): main window, tabs, table models, dialogs."""
