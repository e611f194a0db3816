"""The language nytta speaks to people, and which one it is.

Messages are written in English in the code and marked for translation where they are
used (never at import time), with named placeholders filled in after translation::

    _("benefit '{id}' has no owner (nyttoägare)", id=benefit.id)

A string that must be marked where it is defined but translated later (a help text, a
rule's documentation) is marked ``N_("…")`` and translated with ``_()`` when shown.

The Swedish catalogue is the ``.po`` files in ``locale/sv/LC_MESSAGES/``, one per part of
the program; they are compiled into one ``nytta.mo`` when the wheel is built
(``hatch_build.py``), or on first use when a ``.po`` is newer than the ``.mo`` (a working
copy). Only the chosen language's catalogue is read.

The language is chosen by :func:`choose`: ``--lang``, else ``NYTTA_LANG``, else ``lang`` in
``nytta.toml``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG`` starting with ``sv``),
else English.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # gettext is imported only when a catalogue is read: English needs none
    import gettext
    from collections.abc import Mapping

LANGUAGES = ("sv", "en")
DOMAIN = "nytta"
LOCALE_DIR = Path(__file__).parent / "locale"


class _Current:
    """The language spoken now and its catalogue (English needs none)."""

    lang = "en"
    catalogue: gettext.NullTranslations | None = None


def _(message: str, /, **values: object) -> str:
    """``message`` in the current language, its ``{placeholders}`` filled from ``values``."""
    text = message if _Current.catalogue is None else _Current.catalogue.gettext(message)
    return text.format(**values) if values else text


def n_(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The singular or plural form for ``count`` (``{n}`` is the count) in the current language."""
    catalogue = _Current.catalogue
    text = (singular if count == 1 else plural) if catalogue is None else catalogue.ngettext(singular, plural, count)
    return text.format(n=count, **values)


def N_(message: str, /) -> str:
    """Mark ``message`` for the catalogue; it is translated where it is shown, with ``_()``."""
    return message


def language() -> str:
    """The language messages are in now: ``sv`` or ``en``."""
    return _Current.lang


def set_language(lang: str) -> None:
    """Speak ``lang`` (``sv`` or ``en``) from now on."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _Current.catalogue = None if lang == "en" else _load(lang)
    _Current.lang = lang


def choose(explicit: str | None, environ: Mapping[str, str], configured: str | None = None) -> str:
    """The language to speak: ``explicit`` (``--lang``), ``NYTTA_LANG``, ``configured``
    (``lang`` in nytta.toml), the locale, else English. Unknown values are passed on for the
    caller to refuse; an unknown ``NYTTA_LANG`` is one too."""
    if explicit:
        return explicit
    if environ.get("NYTTA_LANG"):
        return environ["NYTTA_LANG"]
    if configured:
        return configured
    return locale_language(environ)


def locale_language(environ: Mapping[str, str]) -> str:
    """The locale's language: Swedish when the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``
    that is set starts with ``sv`` (as for every program on the machine), else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


@functools.cache
def _load(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang``, read once per process however often the language is set."""
    import gettext
    import io

    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"
    sources = sorted(folder.glob("*.po"))
    if compiled.is_file() and all(source.stat().st_mtime <= compiled.stat().st_mtime for source in sources):
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if not sources:
        return gettext.NullTranslations()
    data = compile_catalogue(sources, lang)
    try:  # keep it for the next run when the folder is writable; a read-only install compiles each time
        temporary = compiled.with_name(f".{compiled.name}.{os.getpid()}")
        temporary.write_bytes(data)
        temporary.replace(compiled)
    except OSError:
        pass
    return gettext.GNUTranslations(io.BytesIO(data))


def compile_catalogue(sources: list[Path], lang: str | None = None) -> bytes:
    """The ``.po`` files ``sources`` (of ``lang``) as one compiled ``.mo`` (with Babel)."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = Catalog(locale=lang, domain=DOMAIN)  # Swedish plurals are English ones: n != 1
    for source in sources:
        with source.open("rb") as handle:
            for message in read_po(handle):
                if message.id and message.string and not message.fuzzy:
                    merged[message.id] = message
    import io

    out = io.BytesIO()
    write_mo(out, merged)
    return out.getvalue()
