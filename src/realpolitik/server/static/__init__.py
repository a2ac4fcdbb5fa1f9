"""The dashboard page: HTML, CSS and JavaScript (package data)."""
