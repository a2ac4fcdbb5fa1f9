"""Templates, CSS and JavaScript of the HTML report (package data)."""
