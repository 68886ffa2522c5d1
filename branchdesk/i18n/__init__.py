"""The one translation catalogue, shared by the window and the CLI (Qt's translation system).

Source strings are English; Simplified Chinese is the default language.
"""
