"""The message catalogue: what the code marks for translation, and what the Swedish ``.po``
files lack.

    python scripts/catalogue.py missing [PREFIX ...]       # marked messages without a Swedish translation
    python scripts/catalogue.py update NAME [PREFIX ...]   # add those to NAME.po, msgstr empty

Messages are found with Babel's extractor (keywords ``_``, ``N_``, ``n_``) in ``src/nytta``,
plus every rule's documentation (the rule registry). PREFIX limits both to the files under
``src/nytta`` whose path starts with it (``rules/``, ``cli/write.py``); the .po files are
split by part of the program (rules.po, plan.po, write.po, output.po, cli.po), and a message
is in one of them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "nytta"
CATALOGUE = SOURCE / "locale" / "sv" / "LC_MESSAGES"
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2)}
HEADER = """msgid ""
msgstr ""
"Project-Id-Version: nytta\\n"
"Language: sv\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


@dataclass(frozen=True)
class Marked:
    """A message marked in the code: its id (a tuple for singular/plural) and where."""

    id: str | tuple[str, str]
    file: str
    line: int

    def under(self, prefixes: list[str]) -> bool:
        relative = Path(self.file).relative_to(SOURCE).as_posix()
        return not prefixes or any(relative.startswith(prefix) for prefix in prefixes)


def marked() -> Iterator[Marked]:
    """Every message marked in the code, and every rule's documentation, in source order."""
    from babel.messages.extract import extract

    for path in sorted(SOURCE.rglob("*.py")):
        with path.open("rb") as handle:
            for line, message, _comments, _context in extract("python", handle, keywords=KEYWORDS):
                yield Marked(message, str(path), line)
    sys.path.insert(0, str(ROOT / "src"))
    from nytta.rules.registry import all_rules

    for rule in all_rules().values():
        yield Marked(rule.doc, str(SOURCE / "rules" / "registry.py"), 0)


def translations() -> dict[str | tuple[str, ...], object]:
    """Every message of the Swedish .po files, by id (Babel messages)."""
    from babel.messages.pofile import read_po

    found: dict[str | tuple[str, ...], object] = {}
    for path in sorted(CATALOGUE.glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id:
                    found[message.id] = message
    return found


def missing(prefixes: list[str] | None = None) -> list[Marked]:
    """Marked messages with no Swedish translation (each once), of the files under ``prefixes``."""
    known = translations()
    seen: set[object] = set()
    out = []
    for item in marked():
        if item.id in seen or not item.under(prefixes or []):
            continue
        seen.add(item.id)
        message = known.get(item.id)
        if message is None or not _translated(message):
            out.append(item)
    return out


def _translated(message: object) -> bool:
    string = getattr(message, "string", "")
    return bool(all(string) if isinstance(string, tuple) else string) and not getattr(message, "fuzzy", False)


def update(name: str, prefixes: list[str]) -> int:
    """Add each message of ``prefixes`` that no .po has to ``name``.po; return how many."""
    from babel.messages.pofile import normalize as _normalize

    known = translations()
    added = 0
    path = CATALOGUE / f"{name.removesuffix('.po')}.po"
    for item in missing(prefixes):
        if item.id in known:
            continue  # there, but not translated yet
        if not path.exists():
            path.write_text(HEADER, encoding="utf-8")
        where = f"#: {Path(item.file).relative_to(ROOT)}:{item.line}\n"
        if isinstance(item.id, tuple):
            entry = f'msgid {_normalize(item.id[0])}\nmsgid_plural {_normalize(item.id[1])}\nmsgstr[0] ""\nmsgstr[1] ""\n'
        else:
            entry = f'msgid {_normalize(item.id)}\nmsgstr ""\n'
        with path.open("a", encoding="utf-8") as handle:
            handle.write("\n" + where + entry)
        added += 1
    return added


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "missing"
    if command == "update":
        print(f"{update(sys.argv[2], sys.argv[3:])} messages added")
    else:
        for item in missing(sys.argv[2:]):
            print(f"{Path(item.file).relative_to(ROOT)}:{item.line}: {item.id!r}")
