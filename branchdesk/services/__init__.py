"""Use cases: one user action is one transaction and returns what changed. No Qt, no SQL."""
