"""Steering-group reports: view models, charts, diagrams and Jinja templates."""
