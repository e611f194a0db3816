"""The rule registry cannot be wrong: a rule registered but not in the catalogue's order, an
id in the order that no rule registers, an id registered twice or a rule registered after
the catalogue was built is an error at import, never a rule silently missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nytta.rules import catalogue
from nytta.rules.registry import REGISTRY, Registry, RegistryError, all_rules, rule

STRAY_MODULE = '''\
from nytta.rules.registry import rule


@rule("stray-rule", passing="nytta: 1", failing="nytta: 2  # <-")
def stray(ctx):
    """A rule that nobody added to the catalogue.

    It must not vanish from `nytta rules`.
    """
    return iter(())
'''


def _import_catalogue(prepare: str) -> subprocess.CompletedProcess[str]:
    """Import the catalogue in a fresh interpreter after running ``prepare``."""
    code = f"{prepare}\nimport nytta.rules.catalogue\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_the_catalogue_is_the_registered_rules_in_order() -> None:
    assert list(all_rules()) == list(catalogue.ORDER)
    defining = {origin.rsplit(".", 1)[0] for origin in REGISTRY.origins.values()}
    assert defining <= set(catalogue.RULE_MODULES)


def test_a_new_rule_module_not_in_the_order_fails_at_import(tmp_path: Path) -> None:
    """A new module in nytta.rules is found and imported; its rule must be listed."""
    (tmp_path / "stray.py").write_text(STRAY_MODULE, encoding="utf-8")
    result = _import_catalogue(f"import nytta.rules\nnytta.rules.__path__.append({str(tmp_path)!r})")
    assert result.returncode != 0
    assert "RegistryError" in result.stderr
    assert "'stray-rule' (nytta.rules.stray.stray) is registered but not listed" in result.stderr


def test_a_listed_rule_that_no_module_registers_fails_at_import() -> None:
    """As if `chain-cycle` had been deleted from its module but not from the order."""
    prepare = (
        "from nytta.rules import registry\n"
        "add = registry.REGISTRY.add\n"
        "registry.REGISTRY.add = lambda new, origin: None if new.id == 'chain-cycle' else add(new, origin)"
    )
    result = _import_catalogue(prepare)
    assert result.returncode != 0
    assert "'chain-cycle' is listed but no rule registers it" in result.stderr


def test_the_real_catalogue_imports_cleanly() -> None:
    result = _import_catalogue("")
    assert (result.returncode, result.stderr) == (0, "")


def _copy(rule_ids: list[str]) -> Registry:
    """A fresh registry holding the real rules with these ids."""
    copy = Registry()
    for rule_id in rule_ids:
        copy.add(all_rules()[rule_id], REGISTRY.origins[rule_id])
    return copy


def test_sealing_names_each_mismatch() -> None:
    ids = list(catalogue.ORDER)
    copy = _copy(ids[1:])
    with pytest.raises(RegistryError) as info:
        copy.seal([*ids, ids[2], "no-such-rule"])
    message = str(info.value)
    assert f"'{ids[0]}' is listed but no rule registers it" in message
    assert f"'{ids[2]}' is listed more than once" in message
    assert "'no-such-rule' is listed but no rule registers it" in message


def test_sealing_keeps_the_order_given() -> None:
    ids = list(catalogue.ORDER)
    copy = _copy(ids)
    copy.seal(reversed(ids))
    assert list(copy.rules) == ids[::-1]


def test_an_id_registered_twice_fails() -> None:
    copy = _copy(["schema"])
    with pytest.raises(RegistryError, match="'schema' is registered twice"):
        copy.add(all_rules()["schema"], "elsewhere.schema")


def test_a_rule_registered_after_the_catalogue_was_built_fails() -> None:
    before = list(all_rules())
    with pytest.raises(RegistryError, match=r"'late-rule' \(.*\) is registered after the catalogue was built"):
        rule("late-rule", passing="nytta: 1", failing="nytta: 2  # <-")(lambda ctx: iter(()))
    assert list(all_rules()) == before
