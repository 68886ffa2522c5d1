"""Pure rules and records of the programme: no Qt, no SQL."""
