"""Rules about who: benefit owners, recipients and their shares, approvals, risk owners."""

from __future__ import annotations

from collections.abc import Iterator

from nytta.diagnostics import Diagnostic, Severity
from nytta.i18n import _
from nytta.model.enums import Phase, Role
from nytta.rules.examples import benefit_block
from nytta.rules.registry import Context, number, rule


@rule("missing-owner", passing=benefit_block(), failing=benefit_block(drop=("owner: anna",), mark="- id: kortare-tid"))
def missing_owner(ctx: Context) -> Iterator[Diagnostic]:
    """A benefit has no owner (nyttoägare).

    Every benefit needs an owner in the line organisation who is accountable for
    realising it after the project has closed.
    """
    for benefit in ctx.benefits():
        if ctx.absent(benefit, "owner"):
            yield ctx.at(benefit.path, _("benefit '{id}' has no owner (nyttoägare)", id=benefit.id))


@rule(
    "owner-is-project-manager",
    severity=Severity.WARNING,
    passing=benefit_block(),
    failing=benefit_block(replace={"owner: anna": "owner: olle"}, mark="owner: olle"),
)
def owner_is_project_manager(ctx: Context) -> Iterator[Diagnostic]:
    """The benefit owner is the plan's project manager.

    The project closes before most benefits arise; the owner should be a manager in the
    line organisation that receives the change, not the project manager.
    """
    manager = ctx.plan.plan.project_manager
    for benefit in ctx.benefits():
        if manager and benefit.owner == manager:
            yield ctx.at(
                (*benefit.path, "owner"),
                _(
                    "the owner of benefit '{id}' is the project manager; benefits are owned in the line organisation",
                    id=benefit.id,
                ),
            )


@rule(
    "missing-recipient",
    passing=benefit_block(),
    failing=benefit_block(replace={"recipients: [sokande]": "recipients: []"}, mark="- id: kortare-tid"),
)
def missing_recipient(ctx: Context) -> Iterator[Diagnostic]:
    """A benefit has no recipients (nyttomottagare).

    Name the stakeholders who see the benefit, so that it can be followed up with them.
    """
    for benefit in ctx.benefits():
        if ctx.absent(benefit, "recipients"):
            yield ctx.at(benefit.path, _("benefit '{id}' has no recipients (nyttomottagare)", id=benefit.id))


@rule(
    "share-sum",
    passing=benefit_block(replace={"[sokande]": "[{stakeholder: sokande, share: 0.6}, {stakeholder: enheten, share: 0.4}]"})
    + "stakeholders:\n  - {id: sokande, name: Sökande, category: citizens}\n"
    "  - {id: enheten, name: Bygglovsenheten, category: own_organisation}",
    failing=benefit_block(
        replace={"[sokande]": "[{stakeholder: sokande, share: 0.7}, {stakeholder: enheten, share: 0.4}]"},
        mark="recipients:",
    )
    + "stakeholders:\n  - {id: sokande, name: Sökande, category: citizens}\n"
    "  - {id: enheten, name: Bygglovsenheten, category: own_organisation}",
)
def share_sum(ctx: Context) -> Iterator[Diagnostic]:
    """The recipient shares of a benefit sum to more than 1.

    A share says how large a part of the benefit a recipient gets; together they can be
    at most the whole benefit.
    """
    for benefit in ctx.benefits():
        total = sum(r.share or 0.0 for r in benefit.recipients)
        if total > 1 + 1e-9:
            message = _("the recipient shares of benefit '{id}' sum to {total}, more than 1", id=benefit.id, total=number(total))
            yield ctx.at((*benefit.path, "recipients"), message, at_key=True)


@rule(
    "missing-approval",
    error_from=Phase.PLAN,
    passing="plan:\n  id: exempel\n  title: Exempelplan\n  phase: realise\n  change_owner: karin\n"
    "  approvals:\n    - {by: karin, role: change_owner, date: 2025-02-01}",
    failing="plan:  # <-\n  id: exempel\n  title: Exempelplan\n  phase: realise\n  change_owner: karin\n"
    "  approvals:\n    - {by: anna, role: benefit_owner, date: 2025-02-01}",
)
def missing_approval(ctx: Context) -> Iterator[Diagnostic]:
    """The plan has no approval by its change owner.

    From the plan phase, the change owner (förändringsägare/beställare) approves the plan:
    an entry in `plan.approvals` with role `change_owner`.
    """
    approved = any(a.role is Role.CHANGE_OWNER for a in ctx.plan.plan.approvals)
    if not approved and not ctx.doc.was_dropped(("plan", "approvals")):
        yield ctx.at(("plan",), _("the plan has no approval with role change_owner (förändringsägare)"), at_key=True)


@rule(
    "risk-incomplete",
    severity=Severity.WARNING,
    passing="risks:\n  - {id: lag-anvandning, description: Få använder e-tjänsten, affects: [kortare-tid],"
    " owner: anna, mitigation: Informera byggföretagen}",
    failing="risks:\n  - {id: lag-anvandning, description: Få använder e-tjänsten, affects: [kortare-tid]}  # <-",
)
def risk_incomplete(ctx: Context) -> Iterator[Diagnostic]:
    """A risk lacks an owner or a mitigation.

    A risk to a benefit is only managed when someone owns it and something is done about
    it.
    """
    for risk in ctx.plan.risks:
        no_owner, no_mitigation = ctx.absent(risk, "owner"), ctx.absent(risk, "mitigation")
        if no_owner and no_mitigation:
            yield ctx.at(risk.path, _("risk '{id}' lacks an owner and a mitigation", id=risk.id))
        elif no_owner:
            yield ctx.at(risk.path, _("risk '{id}' lacks an owner", id=risk.id))
        elif no_mitigation:
            yield ctx.at(risk.path, _("risk '{id}' lacks a mitigation", id=risk.id))
