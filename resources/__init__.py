"""Data package of an installed BranchDesk: translations, fonts, icons, guide (see branchdesk.resources)."""
