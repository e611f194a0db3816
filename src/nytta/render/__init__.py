"""Output formats: turn diagnostics, statuses and reports into text for people and machines."""
