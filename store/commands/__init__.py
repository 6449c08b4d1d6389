"""Write commands: each user action is one transaction that also recomputes the deadlines it
touches and records how to undo itself."""
