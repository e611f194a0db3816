"""The typer application every command module adds its commands to."""

from __future__ import annotations

from typing import Annotated

import typer

from nytta import __version__
from nytta.i18n import N_

HELP = N_("Benefit plans (nyttorealisering) as YAML: check, follow up, calculate and report.")

app = typer.Typer(
    name="nytta",
    help=HELP,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"nytta {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=N_("Show the version and exit."))
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help=N_("Language of messages, help and tables: sv or en (default: NYTTA_LANG, lang in nytta.toml, the locale)."),
        ),
    ] = None,
) -> None:
    # The language was chosen from the arguments before they were parsed (nytta.cli.language).
    pass
