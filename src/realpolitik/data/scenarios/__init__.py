"""Built-in scenarios (YAML)."""
