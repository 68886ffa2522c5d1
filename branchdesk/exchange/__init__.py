"""Excel/CSV import and export, reports, data packages (to come)."""
