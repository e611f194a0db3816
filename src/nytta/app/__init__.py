"""The application layer: one module per command, each ``run(options) -> result``.

A command module owns how its command composes the stages (load → check / compute →
the result a renderer needs). It uses no typer, prints nothing and returns data; a
failure to run is raised as :class:`nytta.app.errors.UsageProblem`, which the command
line turns into one line on stderr and exit code 2.
"""
