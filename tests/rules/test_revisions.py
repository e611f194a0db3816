"""Table of the change-control rule (nytta.rules.revisions): goal posts moved in an
approved plan without a revision entry. Each case compares the plan with an earlier
version of it (`previous`, the base plan unless it says otherwise)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_table import Case, case, check_case, plan_block

from nytta.rules.examples import benefit_block

TARGET = "- {date: 2026-12-31, value: 20}"
TARGET_25 = {TARGET: "- {date: 2026-12-31, value: 25}"}
REVISION = "revisions:\n  - {date: 2026-03-01, by: karin, reason: Ny lagstiftning, changes: Målvärde 20 → 25 dagar}\n"
BASE = "nytta: 1"

CASES = [
    # unrecorded-revision: the changed value (date), or the indicator for a removed target
    case(
        "unrecorded-revision",
        "a baseline value",
        benefit_block(replace={"value: 40,": "value: 45,"}),
        ("unrecorded-revision", 38, 27),
        previous=BASE,
    ),
    case(
        "unrecorded-revision",
        "a target date",
        benefit_block(replace={TARGET: "- {date: 2027-06-30, value: 20}"}),
        ("unrecorded-revision", 40, 20),
        previous=BASE,
    ),
    case(
        "unrecorded-revision",
        "a target value in block style",
        benefit_block(replace={TARGET: "- date: 2026-12-31\n            value: 25"}),
        ("unrecorded-revision", 41, 20),
        previous=BASE,
    ),
    case(
        "unrecorded-revision",
        "a target removed",
        benefit_block(drop=("targets:", TARGET)),
        ("missing-target", 30, 9),
        ("unrecorded-revision", 30, 9),
        previous=BASE,
    ),
    case(
        "unrecorded-revision",
        "a target added before the final one: the new target",
        benefit_block(replace={TARGET: "- {date: 2026-06-30, value: 30}\n          " + TARGET}),
        ("unrecorded-revision", 40, 13),
        previous=BASE,
        known_bug="nytta.rules.changes pairs targets by position, so the unchanged final target is reported as added "
        "and the new one as a changed value",
    ),
    case(
        "unrecorded-revision",
        "only the revision entry that was already there",
        benefit_block(replace=TARGET_25) + REVISION,
        ("unrecorded-revision", 40, 39),
        previous=REVISION,
    ),
    case(
        "unrecorded-revision",
        "a plan that was not approved before",
        benefit_block(replace=TARGET_25),
        previous=plan_block(replace={"  approvals:\n    - {by: karin, role: change_owner, date: 2025-02-01}\n": ""}),
    ),
    case("unrecorded-revision", "a measurement changed", benefit_block(replace={"value: 25}": "value: 26}"}), previous=BASE),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)
