"""Table of the rules about who (nytta.rules.ownership): benefit owners, recipients and
their shares, the change owner's approval, risk owners and mitigations."""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_table import Case, case, check_case, plan_block

from nytta.rules.examples import benefit_block

STAKEHOLDERS = (
    "stakeholders:\n  - {id: sokande, name: Sökande, category: citizens}\n"
    "  - {id: enheten, name: Bygglovsenheten, category: own_organisation}\n"
    "  - {id: foretag, name: Byggföretag, category: businesses}\n"
)


def shares(recipients: str) -> str:
    """The base benefit with these recipients, and three stakeholders to share it."""
    return benefit_block(replace={"    recipients: [sokande]": f"    recipients:{recipients}"}) + STAKEHOLDERS


NO_APPROVAL = plan_block(replace={"  approvals:\n    - {by: karin, role: change_owner, date: 2025-02-01}\n": ""})
RISK = "risks:\n  - {id: lag-anvandning, description: Få använder e-tjänsten, affects: [kortare-tid]"

CASES = [
    # missing-owner: the benefit's `- id:` line
    case("missing-owner", "an empty owner", benefit_block(replace={"owner: anna": "owner:"}), ("missing-owner", 22, 5)),
    case("missing-owner", "an owner of ''", benefit_block(replace={"owner: anna": "owner: ''"}), ("missing-owner", 22, 5)),
    case("missing-owner", "the change owner owns it", benefit_block(replace={"owner: anna": "owner: karin"})),
    # owner-is-project-manager: the owner's value
    case(
        "owner-is-project-manager",
        "in block style",
        benefit_block(replace={"owner: anna": "owner:\n      olle"}),
        ("owner-is-project-manager", 25, 7),
    ),
    case(
        "owner-is-project-manager",
        "a plan without a project manager",
        plan_block(replace={"  project_manager: olle\n": ""}) + benefit_block(replace={"owner: anna": "owner: olle"}),
    ),
    # missing-recipient: the benefit's `- id:` line
    case("missing-recipient", "no recipients key", benefit_block(drop=("recipients:",)), ("missing-recipient", 22, 5)),
    case(
        "missing-recipient",
        "recipients with no value: a shape error, not also this",
        benefit_block(replace={"recipients: [sokande]": "recipients:"}),
        ("schema", 25, 16),
    ),
    case("missing-recipient", "a recipient with a share", shares(" [{stakeholder: sokande, share: 0.5}]")),
    # share-sum: the `recipients` key
    case(
        "share-sum",
        "three shares over 1",
        shares(" [{stakeholder: sokande, share: 0.5}, {stakeholder: enheten, share: 0.3}, {stakeholder: foretag, share: 0.3}]"),
        ("share-sum", 27, 5),
    ),
    case(
        "share-sum",
        "in block style",
        shares("\n      - {stakeholder: sokande, share: 0.8}\n      - {stakeholder: enheten, share: 0.8}"),
        ("share-sum", 27, 5),
    ),
    case(
        "share-sum",
        "a recipient without a share counts 0",
        shares(" [sokande, {stakeholder: enheten, share: 0.6}, {stakeholder: foretag, share: 0.6}]"),
        ("share-sum", 27, 5),
    ),
    case("share-sum", "exactly 1", shares(" [{stakeholder: sokande, share: 0.5}, {stakeholder: enheten, share: 0.5}]")),
    case(
        "share-sum",
        "1 give or take rounding (0.1 + 0.2 + 0.7)",
        shares(" [{stakeholder: sokande, share: 0.1}, {stakeholder: enheten, share: 0.2}, {stakeholder: foretag, share: 0.7}]"),
    ),
    case(
        "share-sum",
        "one share above 1: a shape error, not also this",
        shares(" [{stakeholder: sokande, share: 1.5}]"),
        ("schema", 27, 48),
    ),
    # missing-approval: the `plan:` key
    case("missing-approval", "no approvals (an error in realise)", NO_APPROVAL, ("missing-approval", 2, 1)),
    case(
        "missing-approval",
        "no approvals (a warning in identify)",
        NO_APPROVAL.replace("realise", "identify"),
        ("missing-approval", 2, 1),
    ),
    case(
        "missing-approval",
        "the change owner's approval after another's",
        plan_block(add="    - {by: anna, role: benefit_owner, date: 2025-03-01}\n"),
    ),
    # risk-incomplete: the risk's `- id` line
    case("risk-incomplete", "no owner", RISK + ", mitigation: Informera byggföretagen}\n", ("risk-incomplete", 44, 5)),
    case(
        "risk-incomplete",
        "no mitigation, in block style",
        "risks:\n  - id: lag-anvandning\n    description: Få använder e-tjänsten\n    owner: anna\n",
        ("risk-incomplete", 44, 5),
    ),
    case(
        "risk-incomplete",
        "an owner and a mitigation, in block style",
        "risks:\n  - id: lag-anvandning\n    description: Få använder e-tjänsten\n    owner: anna\n"
        "    mitigation: Informera byggföretagen\n",
    ),
]


@pytest.mark.parametrize("item", CASES)
def test_findings(item: Case, tmp_path: Path) -> None:
    check_case(item, tmp_path)
