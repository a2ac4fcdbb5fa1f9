"""Package data: built-in scenarios and dictionaries."""
