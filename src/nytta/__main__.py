"""Entry point for ``python -m nytta``."""

from nytta.cli import main

main()
