"""nytta — benefit plans (nyttorealisering) as YAML files: check, follow up, calculate, report."""

__version__ = "0.1.0"
