"""Writing measurements into plans: validate everything first, then change the file atomically."""
