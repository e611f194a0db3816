"""The base plan that rule examples are written against, and how a fragment is applied.

A rule's example is a YAML fragment: each of its top-level keys replaces that key's
block in :data:`BASE_PLAN` (new keys are appended). A fragment whose first line is
`#! whole file` is the complete file instead. `# <-` marks the line a failing
example must be reported on. The examples are checked as of :data:`EXAMPLE_AS_OF`.
"""

from __future__ import annotations

import datetime as _dt
import re

EXAMPLE_AS_OF = _dt.date(2026, 11, 27)
WHOLE_FILE = "#! whole file"
MARKER = "# <-"

BASE_PLAN = """\
nytta: 1
plan:
  id: exempel
  title: Exempelplan
  phase: realise
  change_owner: karin
  project_manager: olle
  period: {start: 2025-01-01, end: 2025-12-31}
  approvals:
    - {by: karin, role: change_owner, date: 2025-02-01}
people:
  - {id: karin, name: Karin Berg}
  - {id: anna, name: Anna Lind}
  - {id: olle, name: Olle Ek}
stakeholders:
  - {id: sokande, name: Sökande, category: citizens}
goals:
  - {id: service, name: Snabbare beslut}
chain:
  - {id: e-tjanst, type: intervention, name: Inför e-tjänst, leads_to: [kortare-tid]}
benefits:
  - id: kortare-tid
    name: Kortare handläggningstid
    owner: anna
    recipients: [sokande]
    goals: [service]
    category: quality
    realisation: {start: 2025-06-01, end: 2028-12-31}
    indicators:
      - id: dagar
        name: Handläggningstid
        unit: days
        direction: decrease
        method: Median per kvartal
        source: Ärendesystemet
        frequency: quarterly
        measured_by: anna
        baseline: {value: 40, date: 2024-12-31}
        targets:
          - {date: 2026-12-31, value: 20}
        measurements:
          - {date: 2026-09-30, value: 25}
"""

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def _blocks(text: str) -> dict[str, str]:
    blocks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines(keepends=True):
        match = _TOP_KEY.match(line)
        if match:
            current = blocks.setdefault(match.group(1), [])
        if current is not None:
            current.append(line)
    return {key: "".join(lines) for key, lines in blocks.items()}


def apply_fragment(fragment: str) -> str:
    """The full plan text for an example fragment."""
    if fragment.startswith(WHOLE_FILE):
        return fragment.rstrip("\n") + "\n"
    blocks = _blocks(BASE_PLAN)
    for key, block in _blocks(fragment.rstrip("\n") + "\n").items():
        blocks[key] = block
    return "".join(blocks.values())


def marked_line(text: str) -> int | None:
    """The 1-based line carrying the `# <-` marker, if any."""
    for number, line in enumerate(text.splitlines(), start=1):
        if MARKER in line:
            return number
    return None


def benefit_block(*, drop: tuple[str, ...] = (), replace: dict[str, str] | None = None, mark: str | None = None) -> str:
    """The base plan's `benefits` block with lines dropped, text replaced and a line marked.

    `drop` removes each line containing one of the texts; `mark` appends the `# <-`
    marker to the first line containing that text (after the replacements).
    """
    text = _blocks(BASE_PLAN)["benefits"]
    lines = [line for line in text.splitlines() if not any(d in line for d in drop)]
    text = "\n".join(lines) + "\n"
    for old, new in (replace or {}).items():
        if old not in text:
            raise ValueError(f"example text {old!r} not in the base benefit")
        text = text.replace(old, new, 1)
    if mark is not None:
        out, done = [], False
        for line in text.splitlines():
            if not done and mark in line:
                out.append(f"{line}  {MARKER}")
                done = True
            else:
                out.append(line)
        if not done:
            raise ValueError(f"example line {mark!r} not in the base benefit")
        text = "\n".join(out) + "\n"
    return text
