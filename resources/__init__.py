"""Data package of an installed BranchDesk: translations, fonts, icons and the guide (see branchdesk.resources)."""
