"""Tidy rendered Markdown so that it renders the same on GitHub and GitLab.

Templates are easier to read than to get whitespace-perfect: this puts one blank line
around headings, tables, lists, quotes and fenced blocks, and never more than one anywhere.
Fenced blocks (the Mermaid chain) are copied unchanged.
"""

from __future__ import annotations


def _kind(line: str) -> str:
    stripped = line.strip()
    if not stripped:
        return "blank"
    if stripped.startswith("#"):
        return "heading"
    if stripped.startswith("|"):
        return "table"
    if stripped.startswith(("- ", "* ")):
        return "list"
    if stripped.startswith(">"):
        return "quote"
    return "text"


def tidy_markdown(text: str) -> str:
    out: list[str] = []
    fenced = False
    previous = "blank"
    for line in text.splitlines():
        if line.startswith("```"):
            if not fenced and previous != "blank":
                out.append("")
            out.append(line)
            fenced = not fenced
            previous = "text" if fenced else "fence"
            continue
        if fenced:
            out.append(line)
            continue
        kind = _kind(line)
        if kind == "blank":
            if previous != "blank":
                out.append("")
            previous = "blank"
            continue
        if previous != "blank" and (kind != previous or kind == "heading" or previous in ("heading", "fence")):
            out.append("")
        out.append(line.rstrip())
        previous = kind
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
