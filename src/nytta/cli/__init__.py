"""The ``nytta`` command line: options in, ``run`` in ``nytta.app``, ``emit``, exit code out.

Only this package imports typer. Every failure to run (a bad option, a missing file, an
unreadable configuration, a failing template) becomes one line on stderr and exit code 2,
in :func:`main` and nowhere else.
"""

from __future__ import annotations

import gc
import sys
from typing import NoReturn

import typer
from typer._click.exceptions import NoArgsIsHelpError

from nytta.app.errors import UsageProblem
from nytta.cli import check, follow, info, report, write  # noqa: F401  (they add their commands)
from nytta.cli.language import requested, translated, usage_message
from nytta.cli.options import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, say
from nytta.cli.root import app
from nytta.i18n import _, set_language
from nytta.render.registry import RenderProblem

__all__ = ["app", "main"]

#: The order ``nytta --help`` lists the commands in.
COMMANDS = ("check", "status", "calc", "report", "diff", "rules", "explain", "schema", "record", "import", "init", "export")
app.registered_commands.sort(key=lambda c: COMMANDS.index(c.name or getattr(c.callback, "__name__", "")))


def _fail(message: str) -> NoReturn:
    say(_("nytta: error: {message}", message=message))
    sys.exit(EXIT_USAGE)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; never lets an exception reach the user as a traceback."""
    # Loading a portfolio allocates millions of small objects that all stay alive; collecting
    # them again and again as the heap grows costs more than it frees.
    gc.set_threshold(50_000, 20, 100)
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        lang, explicit = requested(args)
        set_language(lang)
        command = translated(typer.main.get_command(app))
        code = command.main(args=args, prog_name="nytta", standalone_mode=False, obj={"lang": explicit})
    except (UsageProblem, RenderProblem) as exc:
        _fail(str(exc))
    except typer.Exit as exc:
        code = exc.exit_code
    except (KeyboardInterrupt, typer.Abort):
        code = EXIT_INTERRUPTED
    except NoArgsIsHelpError as exc:  # ``nytta`` alone: its help, as the parser would show it
        print(exc.format_message(), file=sys.stderr)
        code = EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - the last line of defence against a traceback
        if hasattr(exc, "format_message"):  # typer's usage errors
            _fail(usage_message(exc))
        _fail(_("internal error ({kind}: {error}); please report it", kind=type(exc).__name__, error=exc))
    if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C during a command into this code
        say(_("nytta: interrupted"))
    sys.exit(code if isinstance(code, int) else EXIT_OK)
