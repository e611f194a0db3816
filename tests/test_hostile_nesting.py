"""Nesting is bounded before the C parser can recurse: no input crashes the process.

The C composer recurses in C once per level; 25 000 levels of ``[`` overflowed the stack
and every command died of signal 11. Deep documents are now composed from the parser's
events with a depth counter and refused at the first value past the limit, located; the
nodes they give are the C composer's, node for node.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.error import YAMLError

from conftest import ROOT

HOSTILE = {
    "brackets": "[" * 50_000,
    "braces": "{a: " * 30_000,
    "dashes": "- " * 50_000 + "x",
    "closed brackets": "[" * 30_000 + "]" * 30_000,
    "pairs in brackets": "[a: " * 30_000,  # a mapping of one pair in each sequence, without '{'
    "explicit keys": "? " * 30_000 + "x",
}


def run_check(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """A child process, so that a crash fails the test instead of killing the run."""
    argv = [sys.executable, "-m", "nytta", "check", str(path), "--as-of", "2026-11-27", *options]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_deep_nesting_is_a_located_yaml_syntax_finding_not_a_crash(shape: str, tmp_path: Path) -> None:
    plan = tmp_path / "deep.yaml"
    plan.write_text(HOSTILE[shape] + "\n", encoding="utf-8")
    done = run_check(plan, "--format", "json")
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    [finding] = json.loads(done.stdout)["findings"]
    assert finding["rule"] == "yaml-syntax"
    assert finding["message"] == "the document nests deeper than 64 levels"
    assert finding["line"] == 1 and finding["column"] > 64


@pytest.mark.parametrize("command", ["status", "calc", "report", "diff"])
def test_every_command_survives_deep_nesting(command: str, tmp_path: Path) -> None:
    plan = tmp_path / "deep.yaml"
    plan.write_text(HOSTILE["brackets"], encoding="utf-8")
    argv = [sys.executable, "-m", "nytta", command, str(plan)]
    if command == "diff":
        argv = [sys.executable, "-m", "nytta", "diff", str(plan), str(plan)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode in (1, 2), (done.returncode, done.stderr[-500:])
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


def test_deep_block_indentation_is_refused_where_it_gets_too_deep() -> None:
    from nytta.load.yaml import LoadError, parse_yaml

    text = "".join(" " * level + "k:\n" for level in range(70)) + " " * 70 + "v\n"
    with pytest.raises(LoadError) as raised:
        parse_yaml(text)
    assert raised.value.message == "the document nests deeper than 64 levels"
    assert (raised.value.line, raised.value.column) == (66, 66)  # the mapping on line 66 is the 65th level under the root


def test_the_depth_limit_itself_is_read() -> None:
    from nytta.load.yaml import parse_yaml

    text = "[" * 64 + "]" * 64
    value: Any = parse_yaml(text).data
    for _level in range(63):
        value = value[0]
    assert value == []


# -- the event composer gives the C composer's nodes ----------------------------------------

SNIPPETS = [
    "a: &x 1\nb: &x 2\nc: *x\n",
    "a: *y\n",
    "a: 1\n---\nb: 2\n",
    "",
    "# only a comment\n",
    "---\n",
    "--- !!map\na: !!str 1\nb: !foo x\nc: ! 3\nd: !!seq []\ne: ! [a]\n",
    "%YAML 1.1\n---\na: yes\n",
    "a: [1, {b: &q c}, *q]\n? [x]\n: y\n",
    "- - - a: b\n  - c\n",
    "a:\n- 1\n- 2\nb: |\n  text\nc: >-\n  folded\n",
    "[1, 2",
    'a: "x\n',
    "a: b: c",
    "x: &a [*a]\n",
    "{a: 1, a: 2}",
    "{value: 0,5}",
]


def shape(node: Any, seen: dict[int, int] | None = None) -> Any:
    """Everything the loader reads of a node graph, aliases as references."""
    if node is None:
        return None
    seen = {} if seen is None else seen
    if id(node) in seen:
        return ("alias", seen[id(node)])
    seen[id(node)] = len(seen)
    marks = [(m.line, m.column, m.index) for m in (node.start_mark, node.end_mark)]
    own = (
        type(node).__name__,
        str(node.tag),
        marks,
        node.anchor,
        getattr(node, "style", None),
        getattr(node, "flow_style", None),
    )
    if isinstance(node.value, str):
        return (*own, node.value)
    items = [tuple(shape(part, seen) for part in item) if isinstance(item, tuple) else shape(item, seen) for item in node.value]
    return (*own, items)


def composed(text: str, *, events: bool) -> Any:
    from ruamel.yaml import cyaml

    from nytta.load import compose

    parser = compose.composer_class(cyaml.CParser)(text)
    try:
        node = compose._EventComposer(parser).single_document() if events else parser.get_single_node()
        return ("ok", shape(node))
    except YAMLError as exc:  # the same error, with the same words and marks
        marks = [str(getattr(exc, name, None)) for name in ("problem_mark", "context_mark")]
        return ("error", type(exc).__name__, getattr(exc, "problem", None), getattr(exc, "context", None), marks)
    finally:
        parser.dispose()


def yaml_texts() -> list[tuple[str, str]]:
    files = sorted({*ROOT.glob("plans/**/*.yaml"), *ROOT.glob("tests/**/*.yaml"), *ROOT.glob("docs/**/*.yaml")})
    texts = [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8", errors="replace")) for path in files]
    return texts + [(repr(snippet), snippet) for snippet in SNIPPETS]


@pytest.mark.parametrize(("name", "text"), yaml_texts(), ids=lambda value: value[:40] if isinstance(value, str) else "")
def test_the_event_composer_gives_the_c_composers_nodes_and_errors(name: str, text: str) -> None:
    assert composed(text, events=True) == composed(text, events=False), name


def test_a_shallow_plan_with_many_brackets_reads_the_same_through_events() -> None:
    """Past the bracket budget the events are composed here; the data and positions are
    the same as through the C composer."""
    from nytta.load import compose
    from nytta.load.yaml import parse_yaml

    rows = "".join(f"  - {{date: 2026-01-{day % 28 + 1:02d}, value: [{day}, {{x: {day}}}]}}\n" for day in range(600))
    text = "nytta: 1\nmeasurements:\n" + rows
    assert not compose.provably_shallow(text)
    through_events = parse_yaml(text)
    original = compose.provably_shallow
    try:
        compose.provably_shallow = lambda _text: True  # type: ignore[assignment]
        through_c = parse_yaml(text)
    finally:
        compose.provably_shallow = original  # type: ignore[assignment]
    assert through_events.data == through_c.data
    assert through_events.positions == through_c.positions
