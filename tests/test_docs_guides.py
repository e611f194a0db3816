"""The user guides and the glossary keep up with the program.

Owns the guards on ``docs/handbok.md`` (Swedish), ``docs/guide.md`` (English) and
``docs/ordlista.md``, and on the README's links and quick start: every command and every long
option is described in both guides, each in the command's own reference section; every term
the glossary is asked for is a row of it; the Swedish guide avoids the words the glossary
avoids; every relative link and anchor in these files leads somewhere.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer

from conftest import ROOT
from nytta.cli import COMMANDS, app

DOCS = ROOT / "docs"
GUIDES = {"handbok": DOCS / "handbok.md", "guide": DOCS / "guide.md"}
GLOSSARY = DOCS / "ordlista.md"
README = ROOT / "README.md"
LINKED = [README, GLOSSARY, *GUIDES.values()]

#: Options every command has from the option parser; the guides need not list them each time.
EXEMPT = {"--help", "--version"}

#: The terms issue 11 and the shared brief ask the glossary for (nytta/onytta as two rows).
TERMS = (
    "nyttorealisering", "nytta", "onytta", "nyttoägare", "nyttomottagare", "nyttoindikator",
    "nollmätning", "delmål", "målvärde", "utfall", "prognos", "effektkedja", "insats", "leverans",
    "förändring", "effekt", "nyttokalkyl", "nuvärde", "nettonuvärde", "kalkylränta",
    "återbetalningstid", "omfördelningsnytta", "finansiell nytta", "kvalitetsnytta", "miljönytta",
    "förändringsägare", "styrgrupp", "intressent", "mätansvarig", "förutsättningar", "mätning", "mål",
    "fas", "enligt plan", "risk för avvikelse", "avviker", "uppnådd", "ej uppnådd", "ej påbörjad",
    "mätvärden saknas", "revidering",
)  # fmt: skip

#: The README's two set-up commands, which stay exactly as they are.
QUICK_START = (
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/nytta check plans/ "
    "&& .venv/bin/nytta report plans/ -o nytta-rapport.html",
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest",
)

_HEADING = re.compile(r"^(#{1,6}) (.+?)\s*$")
_REFERENCE = re.compile(r"^`nytta(?: (\S+))?`$")
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _long_options(command: Any) -> set[str]:
    return {name for param in command.params for name in (*param.opts, *param.secondary_opts) if name.startswith("--")}


def _root() -> Any:
    return typer.main.get_command(app)


def _prose(text: str) -> list[str]:
    """The lines of ``text`` outside fenced code blocks (where a ``#`` is a comment)."""
    lines, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    return lines


def _headings(path: Path) -> list[tuple[int, str]]:
    return [(len(match[1]), match[2]) for line in _prose(path.read_text(encoding="utf-8")) if (match := _HEADING.match(line))]


def _reference_sections(path: Path) -> dict[str, str]:
    """Each ``### `nytta CMD``` section of a guide: ``CMD`` (``""`` for ``nytta`` itself) → its text."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    fenced = False
    for line in path.read_text(encoding="utf-8").splitlines():
        fenced = fenced != line.startswith("```")
        heading = None if fenced else _HEADING.match(line)
        if heading and len(heading[1]) <= 3:
            reference = _REFERENCE.match(heading[2]) if len(heading[1]) == 3 else None
            current = sections.setdefault(reference[1] or "", []) if reference else None
        elif current is not None:
            current.append(line)
    return {name: "\n".join(lines) for name, lines in sections.items()}


def _walk_through(path: Path) -> str:
    """A guide up to its reference of every command."""
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^### `nytta", text, flags=re.MULTILINE)
    assert first, f"{path.name} has no reference section (### `nytta …`)"
    return text[: first.start()]


def _mentions(text: str, option: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _glossary_rows() -> list[list[str]]:
    lines = GLOSSARY.read_text(encoding="utf-8").splitlines()
    table = [line for line in lines if line.startswith("|") and not re.match(r"^\|[\s|:-]+\|$", line)]
    return [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in table[1:]]  # [0] is the header


def _glossary_terms() -> set[str]:
    return {row[0].strip("*") for row in _glossary_rows()}


def _avoided() -> dict[str, str]:
    text = GLOSSARY.read_text(encoding="utf-8")
    return dict(re.findall(r"^- \*([^*]+)\*\s*→\s*(.+)$", text, flags=re.MULTILINE))


# -- every command and option ----------------------------------------------------------


@pytest.mark.parametrize("guide", GUIDES, ids=str)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_reference_section_naming_each_of_its_long_options(guide: str, command: str) -> None:
    sections = _reference_sections(GUIDES[guide])
    assert command in sections, f"{guide}.md has no section ### `nytta {command}`"
    options = _long_options(_root().commands[command]) - EXEMPT
    missing = sorted(option for option in options if not _mentions(sections[command], option))
    assert not missing, f"{guide}.md, section `nytta {command}`, does not describe {missing}"


@pytest.mark.parametrize("guide", GUIDES, ids=str)
def test_the_global_options_are_described(guide: str) -> None:
    sections = _reference_sections(GUIDES[guide])
    assert "" in sections, f"{guide}.md has no section ### `nytta`"
    missing = sorted(option for option in _long_options(_root()) - EXEMPT if not _mentions(sections[""], option))
    assert not missing, f"{guide}.md, section `nytta`, does not describe {missing}"


@pytest.mark.parametrize("guide", GUIDES, ids=str)
def test_the_walk_through_uses_every_command(guide: str) -> None:
    text = _walk_through(GUIDES[guide])
    unused = [command for command in COMMANDS if not re.search(rf"\bnytta {command}\b", text)]
    assert not unused, f"the walk-through of {guide}.md never shows {unused}"


@pytest.mark.parametrize("guide", GUIDES, ids=str)
def test_the_language_can_be_chosen_four_ways(guide: str) -> None:
    text = GUIDES[guide].read_text(encoding="utf-8")
    for way in ("--lang sv", "NYTTA_LANG", 'lang = "sv"', "LC_ALL", "LC_MESSAGES", "LANG"):
        assert way in text, f"{guide}.md does not say the language can be chosen with {way}"


def test_both_guides_tell_the_same_story() -> None:
    handbok, guide = (_headings(path) for path in GUIDES.values())
    assert [level for level, _ in handbok] == [level for level, _ in guide]
    assert set(_reference_sections(GUIDES["handbok"])) == set(_reference_sections(GUIDES["guide"]))

    def shown(path: Path) -> set[str]:
        return set(re.findall(r"^\$ nytta (\w+)", path.read_text(encoding="utf-8"), flags=re.MULTILINE))

    assert shown(GUIDES["handbok"]) == shown(GUIDES["guide"])


# -- the glossary ----------------------------------------------------------------------


def test_every_glossary_row_has_four_filled_cells() -> None:
    rows = _glossary_rows()
    assert rows
    bad = [row for row in rows if len(row) != 4 or not all(row)]
    assert not bad, f"rows without Swedish term, English term, plan key and definition: {bad}"


@pytest.mark.parametrize("term", TERMS)
def test_every_term_asked_for_is_a_row_of_the_glossary(term: str) -> None:
    assert term in _glossary_terms()


def test_a_term_is_a_row_once() -> None:
    terms = [row[0] for row in _glossary_rows()]
    assert len(terms) == len(set(terms)), sorted({term for term in terms if terms.count(term) > 1})


def test_each_avoided_word_points_at_a_glossary_term() -> None:
    avoided = _avoided()
    assert {"baslinje", "basvärde", "utgångsläge", "målnivå"} <= set(avoided)
    unknown = {word: instead for word, instead in avoided.items() if instead.strip() not in _glossary_terms()}
    assert not unknown, f"the words to use instead are not rows of the glossary: {unknown}"


@pytest.mark.parametrize("path", [GUIDES["handbok"], GLOSSARY], ids=lambda p: p.name)
def test_the_swedish_texts_avoid_the_avoided_words(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path == GLOSSARY:
        text = text[: text.index("## Ord vi inte använder")]
    found = [word for word in _avoided() if re.search(rf"\b{re.escape(word)}", text, flags=re.IGNORECASE)]
    assert not found, f"{path.name} says {found}; the glossary says what to write instead"


# -- links and the README --------------------------------------------------------------


@pytest.mark.parametrize("path", LINKED, ids=lambda p: p.name)
def test_every_relative_link_and_anchor_resolves(path: Path) -> None:
    broken = []
    for line in _prose(path.read_text(encoding="utf-8")):
        for target in _LINK.findall(re.sub(r"`[^`]*`", "", line)):
            if re.match(r"^[a-z]+:", target):
                continue  # https:, mailto:
            name, _, anchor = target.partition("#")
            linked = (path.parent / name).resolve() if name else path
            if not linked.exists():
                broken.append(f"{target}: no such file")
            elif anchor and linked.suffix == ".md" and anchor not in {_slug(text) for _, text in _headings(linked)}:
                broken.append(f"{target}: no such heading in {linked.name}")
    assert not broken, f"{path.name}: " + "; ".join(broken)


def test_the_readme_links_to_the_guides_and_the_glossary() -> None:
    links = set(_LINK.findall(README.read_text(encoding="utf-8")))
    assert {"docs/handbok.md", "docs/guide.md", "docs/ordlista.md"} <= links


def test_the_readme_keeps_its_two_set_up_commands() -> None:
    text = README.read_text(encoding="utf-8")
    quick_start = text[text.index("## Quick start") : text.index("\n## ", text.index("## Quick start") + 1)]
    blocks = re.findall(r"```sh\n(.*?)```", quick_start, flags=re.DOTALL)
    assert [block.strip() for block in blocks] == list(QUICK_START)
