"""No input of any kind produces a traceback: broken and hostile files become findings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from nytta.cli import main

CORPUS = Path(__file__).parent / "hostile"
GENERATED = {
    "deep-flow-nesting.yaml": "nytta: 1\nplan: " + "[" * 20000 + "]" * 20000 + "\n",
    "deep-block-nesting.yaml": "nytta: 1\nplan:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(1200)),
    "long-line.yaml": 'nytta: 1\nplan: {id: x, title: "' + "x" * 200_000 + '", phase: plan}\n',
    "many-benefits.yaml": "nytta: 1\nplan: {id: x, title: y, phase: realise}\nbenefits:\n"
    + "".join(f"  - {{id: b{i}, name: B, leads_to: [b{i + 1}]}}\n" for i in range(3000)),
}


def _check_json(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict, str]:
    with pytest.raises(SystemExit) as info:
        main(["check", str(path), "--format", "json", "--as-of", "2026-11-27"])
    out, err = capsys.readouterr()
    return int(info.value.code or 0), json.loads(out), err


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "plans"
    shutil.copytree(CORPUS, folder)
    for name, text in GENERATED.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _files() -> list[str]:
    return sorted(p.name for p in CORPUS.glob("*.yaml")) + sorted(GENERATED)


@pytest.mark.parametrize("name", _files())
def test_hostile_file_gives_located_findings_not_a_traceback(name: str, corpus: Path, capsys) -> None:
    code, report, err = _check_json(corpus / name, capsys)
    assert code == 1, report
    assert err == ""
    assert report["errors"] >= 1
    for finding in report["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1
        assert finding["message"] and "Traceback" not in finding["message"]


def test_python_tags_are_never_executed(corpus: Path, capsys) -> None:
    marker = Path("/tmp/nytta-pwned")
    marker.unlink(missing_ok=True)
    _, report, _ = _check_json(corpus / "python-tag.yaml", capsys)
    assert not marker.exists()
    assert report["findings"][0]["rule"] == "yaml-syntax"
    assert "unsupported YAML tag" in report["findings"][0]["message"]


@pytest.mark.parametrize("name", ["csv-absolute-path.yaml", "csv-escaping-path.yaml"])
def test_measurements_file_outside_is_refused(name: str, corpus: Path, capsys) -> None:
    _, report, _ = _check_json(corpus / name, capsys)
    [finding] = [f for f in report["findings"] if f["rule"] == "measurements-file"]
    assert "root:" not in json.dumps(report)
    assert finding["line"] == 2


def test_mixed_and_quoted_csv_rows_are_located(corpus: Path, capsys) -> None:
    _, report, _ = _check_json(corpus / "csv-quoted.yaml", capsys)
    rows = {(f["file"].rsplit("/", 1)[-1], f["rule"], f["line"]) for f in report["findings"]}
    assert ("quoted.csv", "non-numeric-value", 2) in rows  # "1,5" in the comma dialect
    assert ("quoted.csv", "measurements-file", 3) in rows  # kind 'whatever'


def test_whole_corpus_as_a_directory(corpus: Path, capsys) -> None:
    code, report, _ = _check_json(corpus, capsys)
    assert code == 1
    assert report["files"] >= len(_files()) - 8  # files that are not plans are skipped
