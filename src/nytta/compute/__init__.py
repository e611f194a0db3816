"""Computations on a validated plan: pure functions of the plan and an as-of date."""
