"""A user's report templates (``--templates``) can neither read outside their folder nor run
without end: every failure is "the report template failed: …" and exit code 2.

A symlink in the folder let ``{% include %}`` read any file (``/proc/self/environ`` leaked a
secret into the report); nested loops of 10^10 iterations and ``(9**99999999) % 7`` hung;
``range(10**9)``, huge strings and recursive macros ended in "internal error".
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PLANS, SPEC_DIR

PLAN = str(SPEC_DIR / "bygglov-e-tjanst.yaml")
SECRET = "NYTTA_TEST_SECRET=hunter2"


def report(templates: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """The real command line in a child process, so that a hang fails the test."""
    argv = [sys.executable, "-m", "nytta", "report", PLAN, "-f", "md", "--templates", str(templates), *options]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)


def assert_template_failed(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 2, (done.returncode, done.stdout[:300], done.stderr[-500:])
    [line] = done.stderr.splitlines()
    assert line.startswith("nytta: error: the report template failed: "), line
    assert "internal error" not in line
    assert SECRET not in done.stdout + done.stderr


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET + "\n", encoding="utf-8")
    return secret


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    templates = tmp_path / "templates"
    templates.mkdir()
    return templates


def test_a_template_that_is_a_symlink_out_of_the_folder_is_refused(folder: Path, outside: Path) -> None:
    (folder / "plan.md.j2").symlink_to(outside)
    assert_template_failed(report(folder))


@pytest.mark.parametrize(
    ("link", "target", "include"),
    [
        ("leak.txt", "secret", "leak.txt"),
        ("up", "folder", "up/secret.txt"),
        ("root", "root", "root/etc/hostname"),
    ],
)
def test_include_through_a_symlink_out_of_the_folder_is_refused(
    link: str, target: str, include: str, folder: Path, outside: Path
) -> None:
    targets = {"secret": outside, "folder": outside.parent, "root": Path("/")}
    (folder / link).symlink_to(targets[target])
    (folder / "plan.md.j2").write_text(f"{{% include '{include}' %}}\n", encoding="utf-8")
    assert_template_failed(report(folder))


def test_a_symlink_within_the_folder_is_followed(folder: Path) -> None:
    (folder / "real.md.j2").write_text("Plan {{ view.title }}\n", encoding="utf-8")
    (folder / "plan.md.j2").symlink_to(folder / "real.md.j2")
    done = report(folder)
    assert (done.returncode, done.stdout) == (0, "Plan E-tjänst för bygglovsansökan\n"), done.stderr


@pytest.mark.parametrize(
    "template",
    [
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        "{% for a in range(100000) recursive %}{{ loop(range(100000)) }}{% endfor %}",
        "{{ (9**99999999) % 7 }}",
        "{% set ns = namespace(n=9) %}{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}{% endfor %}{{ ns.n % 7 }}",
        "{{ range(10**9)|list|length }}",
        "{{ ('x' * 10**10)|length }}",
        "{{ ([0] * 10**10)|length }}",
        "{{ '%999999999d' % 1 }}",
        "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
        "{{ 1 / 0 }}",
    ],
)
def test_a_template_that_would_run_without_end_fails_as_a_template(template: str, folder: Path) -> None:
    (folder / "plan.md.j2").write_text(template, encoding="utf-8")
    started = time.perf_counter()
    assert_template_failed(report(folder))
    assert time.perf_counter() - started < 60


def test_a_template_that_writes_without_end_fails_as_a_template(folder: Path) -> None:
    (folder / "plan.html.j2").write_text("{% for i in range(100000) %}{{ 'x' * 100000 }}{% endfor %}", encoding="utf-8")
    assert_template_failed(report(folder, "-f", "html"))


def test_work_that_each_bound_allows_but_adds_up_stops_at_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large string made anew in every iteration: each bound allows it, the clock does not."""
    from jinja2.exceptions import SecurityError

    from nytta.render.report import sandbox
    from nytta.render.report.environment import environment

    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.5)
    template = environment("md").from_string("{% for i in range(100000) %}{% set s = 'x' * 10**7 %}{% endfor %}")
    started = time.perf_counter()
    with pytest.raises(SecurityError, match=r"longer than 0\.5 seconds"):
        template.render()
    assert time.perf_counter() - started < 10


def test_the_shipped_templates_run_within_the_bounds(folder: Path) -> None:
    """The budgets are far above what a report needs: the whole plans folder renders."""
    done = subprocess.run(
        [sys.executable, "-m", "nytta", "report", str(PLANS), "-f", "md", "--templates", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Portf" in done.stdout
