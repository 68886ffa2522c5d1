"""Qt item models: thin lazy adapters over the ledger's SQL, and their delegates."""
