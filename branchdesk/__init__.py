"""BranchDesk (支部联建台账): the ledger of the "branch pairs branch" programme."""

__version__ = "0.1.0"
