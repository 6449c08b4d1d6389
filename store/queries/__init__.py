"""Read queries. Each filters, sorts and limits in SQL and returns frozen rows."""
