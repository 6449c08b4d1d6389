"""The database layer: engine factory, ORM models and sessions. Only `store` uses it."""
