"""The rule reference page (docs/rules.md), generated from the registry."""

from __future__ import annotations

from nytta.rules.registry import all_rules


def rules_markdown() -> str:
    """Markdown with a summary table and each rule's documentation and examples."""
    rules = list(all_rules().values())
    out = [
        "# Rules of `nytta check`",
        "",
        "Generated from the rule registry (`python -m nytta.rules.docs > docs/rules.md`); "
        "`nytta explain RULE` prints the same text.",
        "",
        "| rule | default severity | what it checks |",
        "|---|---|---|",
    ]
    for rule in rules:
        severity = rule.severity.value
        if rule.error_from is not None:
            severity += f" (warning before {rule.error_from.value})"
        out.append(f"| [`{rule.id}`](#{rule.id}) | {severity} | {rule.summary} |")
    for rule in rules:
        out += ["", f"## {rule.id}", "", rule.full_doc, "", "Passes:", "", "```yaml", rule.passing.rstrip(), "```"]
        out += ["", "Fails (on the line marked `# <-`):", "", "```yaml", rule.failing.rstrip(), "```"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
