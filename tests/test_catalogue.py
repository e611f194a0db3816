"""The Swedish message catalogue: complete, faithful to its placeholders, in the glossary's
terms, and read only when Swedish is spoken.

Owns the guards on ``src/nytta/locale/sv/LC_MESSAGES/*.po`` and on ``nytta.i18n``.
"""

from __future__ import annotations

import importlib.util
import re
import string
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po

from conftest import CLI_MAIN, ROOT, modules_loaded
from nytta import i18n

CATALOGUE = ROOT / "src" / "nytta" / "locale" / "sv" / "LC_MESSAGES"
GLOSSARY = ROOT / "docs" / "ordlista.md"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogue", ROOT / "scripts" / "catalogue.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogue"] = module
    spec.loader.exec_module(module)
    return module


def _entries() -> list[tuple[Path, object]]:
    found = []
    for path in sorted(CATALOGUE.glob("*.po")):
        with path.open("rb") as handle:
            found += [(path, message) for message in read_po(handle) if message.id]
    return found


def _fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}


def test_every_marked_message_has_a_swedish_translation() -> None:
    missing = _script().missing()
    assert not missing, "untranslated (run scripts/catalogue.py missing):\n" + "\n".join(
        f"{Path(item.file).relative_to(ROOT)}:{item.line}: {item.id!r}" for item in missing[:40]
    )


def test_the_catalogue_has_no_message_the_code_no_longer_marks() -> None:
    marked = {item.id for item in _script().marked()}
    stale = [f"{path.name}: {message.id!r}" for path, message in _entries() if message.id not in marked]  # type: ignore[attr-defined]
    assert not stale, "in the .po but no longer in the code:\n" + "\n".join(stale[:40])


def test_a_message_is_translated_once() -> None:
    seen: dict[object, str] = {}
    twice = []
    for path, message in _entries():
        key = message.id  # type: ignore[attr-defined]
        if key in seen:
            twice.append(f"{key!r} in {seen[key]} and {path.name}")
        seen[key] = path.name
    assert not twice, "\n".join(twice)


@pytest.mark.parametrize("path", sorted(CATALOGUE.glob("*.po")), ids=lambda p: p.name)
def test_translations_keep_every_placeholder(path: Path) -> None:
    lost = []
    with path.open("rb") as handle:
        for message in read_po(handle):
            if not message.id or not message.string:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set().union(*(_fields(text) for text in ids))
            allowed = [wanted, wanted - {"n"}] if len(ids) > 1 else [wanted]  # "en plan" needs no {n}
            lost += [
                f"{message.id!r}: {text!r} has {sorted(_fields(text))}"
                for text in strings
                if text and _fields(text) not in allowed
            ]
    assert not lost, "\n".join(lost)


def forbidden_words() -> dict[str, str]:
    """The glossary's list of words the Swedish texts avoid: ``- *baslinje* → nollmätning``."""
    text = GLOSSARY.read_text(encoding="utf-8")
    return dict(re.findall(r"^- \*([^*]+)\*\s*→\s*(.+)$", text, flags=re.MULTILINE))


def test_the_glossary_names_words_to_avoid() -> None:
    assert {"baslinje", "målnivå"} <= set(forbidden_words())


def _swedish_texts() -> list[tuple[str, str]]:
    """Every Swedish text nytta shows: the catalogue, the reports' words and nytta init's template."""
    from nytta.init_plan import optional_sections, plan_text
    from nytta.model.enums import Phase
    from nytta.render.report.labels import TEXT

    texts = []
    for path, message in _entries():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)  # type: ignore[attr-defined]
        texts += [(path.name, text) for text in strings if text]
    texts += [("render/report/labels.py", text) for text in TEXT["sv"].values()]
    texts += [("nytta init", plan_text(lang="sv", phase=Phase.PLAN)), ("nytta init", optional_sections("sv"))]
    return texts


def test_the_swedish_texts_use_the_glossarys_terms() -> None:
    avoid = forbidden_words()
    found = [
        f"{where}: {text[:80]!r} says {word!r}; the glossary's term is {instead}"
        for where, text in _swedish_texts()
        for word, instead in avoid.items()
        if re.search(rf"\b{re.escape(word)}", text, flags=re.IGNORECASE)
    ]
    assert not found, "\n".join(found)


def test_a_po_file_compiles_into_the_catalogue_that_is_spoken(tmp_path: Path) -> None:
    source = tmp_path / "x.po"
    source.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "{n} plan"\nmsgid_plural "{n} plans"\nmsgstr[0] "{n} plan"\nmsgstr[1] "{n} planer"\n\n'
        'msgid "no owner for {id}"\nmsgstr "ingen nyttoägare för {id}"\n\n'
        'msgid "untranslated"\nmsgstr ""\n',
        encoding="utf-8",
    )
    import gettext
    import io

    compiled = gettext.GNUTranslations(io.BytesIO(i18n.compile_catalogue([source])))
    assert compiled.gettext("no owner for {id}") == "ingen nyttoägare för {id}"
    assert compiled.ngettext("{n} plan", "{n} plans", 3) == "{n} planer"
    assert compiled.gettext("untranslated") == "untranslated"


def test_messages_fill_their_placeholders_after_translation() -> None:
    try:
        i18n.set_language("sv")
        assert i18n._("{month} {year} has {days} days", month="februari", year=2025, days=28) == "februari 2025 har 28 dagar"
        assert i18n.language() == "sv"
    finally:
        i18n.set_language("en")
    assert i18n._("{month} {year} has {days} days", month="February", year=2025, days=28) == "February 2025 has 28 days"
    assert i18n._("no {braces} without values") == "no {braces} without values"


@pytest.mark.parametrize(
    ("explicit", "environ", "configured", "expected"),
    [
        ("en", {"NYTTA_LANG": "sv", "LANG": "sv_SE.UTF-8"}, "sv", "en"),
        (None, {"NYTTA_LANG": "sv", "LANG": "C"}, "en", "sv"),
        (None, {"LANG": "en_GB.UTF-8"}, "sv", "sv"),
        (None, {"LC_ALL": "sv_SE.UTF-8", "LANG": "en_US.UTF-8"}, None, "sv"),
        (None, {"LC_ALL": "C.UTF-8", "LC_MESSAGES": "sv_SE"}, None, "en"),
        (None, {"LC_MESSAGES": "sv_FI.UTF-8", "LANG": "C"}, None, "sv"),
        (None, {"LANG": "sv_SE.UTF-8"}, None, "sv"),
        (None, {"LANG": "C.UTF-8"}, None, "en"),
        (None, {}, None, "en"),
    ],
)
def test_the_language_is_chosen_option_environment_configuration_locale(
    explicit: str | None, environ: dict[str, str], configured: str | None, expected: str
) -> None:
    assert i18n.choose(explicit, environ, configured) == expected


def test_english_never_reads_a_catalogue_and_swedish_never_compiles_one_that_is_fresh() -> None:
    i18n.set_language("sv")  # compiles nytta.mo if a .po is newer
    i18n.set_language("en")
    english = modules_loaded(CLI_MAIN, ["babel"], "--lang", "en", "--version")
    swedish = modules_loaded(CLI_MAIN, ["babel"], "--lang", "sv", "--version")
    assert "babel" not in {name.split(".")[0] for name in english + swedish}
