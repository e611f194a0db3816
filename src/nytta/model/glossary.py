"""The glossary of format v1: each Swedish term, its English term, and the plan key it is
written as, by where the key stands (the model it belongs to).

Keys in a plan are always the English ones; this table is what lets a finding answer a
Swedish word written as a key: ``unknown key 'nyttoägare' in benefits; did you mean 'owner'
(nyttoägare)?``. It holds the same terms as docs/ordlista.md. ``also`` lists other ways an
analyst writes the word as a key (a plural, a synonym); the message always names ``swedish``.
Lookup folds case and å/ä/ö and reads spaces and hyphens as ``_``.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass

from nytta.model.enums import fold


@dataclass(frozen=True, slots=True)
class Term:
    """A Swedish term, its English term, its plan key, and the models whose key it is."""

    swedish: str
    english: str
    key: str
    where: tuple[str, ...]
    also: tuple[str, ...] = ()


_MEASURED = ("Baseline", "Target", "Measurement")
_NAMED = ("Person", "Stakeholder", "Goal", "ChainNode", "Benefit", "Indicator", "Cost")

GLOSSARY: tuple[Term, ...] = (
    # the top level
    Term("nyttor", "benefits", "benefits", ("Plan",), ("nyttorna",)),
    Term("personer", "people", "people", ("Plan",), ("person", "personal")),
    Term("intressenter", "stakeholders", "stakeholders", ("Plan",), ("intressent",)),
    Term("mål", "goals", "goals", ("Plan", "Benefit"), ("målen",)),
    Term("effektkedja", "effect chain", "chain", ("Plan",), ("nyttokarta", "kedja")),
    Term("kostnader", "costs", "costs", ("Plan",), ("kostnad",)),
    Term("nyttokalkyl", "benefit calculation", "calculation", ("Plan",), ("kalkyl",)),
    Term("risker", "risks", "risks", ("Plan",)),
    Term("revideringar", "revisions", "revisions", ("Plan",), ("revidering", "revisioner")),
    # plan
    Term("titel", "title", "title", ("PlanInfo", "Person"), ("rubrik", "befattning")),
    Term("namn", "name", "title", ("PlanInfo",)),
    Term("beskrivning", "description", "description", ("PlanInfo", "Benefit", "Risk")),
    Term("fas", "phase", "phase", ("PlanInfo",)),
    Term("förändringsägare", "change owner", "change_owner", ("PlanInfo",), ("beställare",)),
    Term("projektledare", "project manager", "project_manager", ("PlanInfo",)),
    Term("godkännanden", "approvals", "approvals", ("PlanInfo",), ("godkännande",)),
    Term("språk", "language", "language", ("PlanInfo",)),
    Term("valuta", "currency", "currency", ("PlanInfo",)),
    Term("mätfilen", "measurements file", "measurements_file", ("PlanInfo",), ("mätfil", "mätvärdesfil")),
    Term("tröskelvärden", "thresholds", "thresholds", ("PlanInfo",), ("tröskelvärde", "gränsvärden")),
    Term("taggar", "tags", "tags", ("PlanInfo", "Benefit"), ("tagg", "etiketter")),
    # people, stakeholders, goals, the chain
    Term("namn", "name", "name", _NAMED, ("benämning",)),
    Term("e-post", "email", "email", ("Person",), ("epost", "mejl", "mail", "e_postadress")),
    Term("kategori", "category", "category", ("Stakeholder", "Benefit", "Cost"), ("nyttokategori",)),
    Term("storlek", "size", "size", ("Stakeholder",), ("antal",)),
    Term("nivå", "level", "level", ("Goal",)),
    Term("överordnat mål", "parent goal", "parent", ("Goal",), ("överordnat", "förälder")),
    Term("ägare", "owner", "owner", ("Goal", "ChainNode", "Risk")),
    Term("typ", "type", "type", ("ChainNode",)),
    Term("leder till", "leads to", "leads_to", ("ChainNode", "Benefit"), ("leder",)),
    # benefits
    Term("nyttoägare", "benefit owner", "owner", ("Benefit",), ("ägare",)),
    Term("nyttomottagare", "benefit recipients", "recipients", ("Benefit",), ("mottagare",)),
    Term("polaritet", "polarity", "polarity", ("Benefit",)),
    Term("alternativ användning", "alternative use", "alternative_use", ("Benefit",)),
    Term("realisering", "realisation", "realisation", ("Benefit",), ("realiseringsperiod",)),
    Term("förutsättningar", "preconditions", "preconditions", ("Benefit",), ("förutsättning",)),
    Term("säkerhet", "confidence", "confidence", ("Benefit",), ("konfidens", "tillförlitlighet")),
    Term("värdering", "valuation", "valuation", ("Benefit",)),
    Term("nyttoindikatorer", "benefit indicators", "indicators", ("Benefit",), ("nyttoindikator", "indikatorer", "indikator")),
    Term("intressent", "stakeholder", "stakeholder", ("Recipient",), ("nyttomottagare", "mottagare")),
    Term("andel", "share", "share", ("Recipient",)),
    Term("början", "start", "start", ("Realisation", "Period"), ("startdatum",)),
    Term("slut", "end", "end", ("Realisation", "Period"), ("slutdatum",)),
    Term("enhetsvärde", "unit value", "unit_value", ("Valuation",), ("värde_per_enhet",)),
    Term("volym", "volume", "volume", ("Valuation",)),
    Term("tillskrivning", "attribution", "attribution", ("Valuation",), ("attribuering",)),
    Term("storlek", "size", "size", ("Benefit",), ("nyttans_storlek", "nyttostorlek")),
    # indicators
    Term("enhet", "unit", "unit", ("Indicator",)),
    Term("riktning", "direction", "direction", ("Indicator",)),
    Term("typ", "kind", "kind", ("Indicator", "Cost", "Measurement"), ("slag",)),
    Term("tolerans", "tolerance", "tolerance", ("Indicator",)),
    Term("gränser", "bounds", "bounds", ("Indicator",), ("gräns", "gränsvärden")),
    Term("nedre", "lower", "lower", ("Bounds",), ("nedre_gräns", "lägst")),
    Term("övre", "upper", "upper", ("Bounds",), ("övre_gräns", "högst")),
    Term("metod", "method", "method", ("Indicator",), ("mätmetod",)),
    Term("källa", "source", "source", ("Indicator", "Baseline", "Measurement"), ("datakälla",)),
    Term("frekvens", "frequency", "frequency", ("Indicator",), ("mätfrekvens", "intervall")),
    Term("uppföljningsdatum", "follow-up dates", "follow_up_dates", ("Indicator",)),
    Term("mätansvarig", "measured by", "measured_by", ("Indicator",)),
    Term("primär", "primary", "primary", ("Indicator",), ("huvudindikator",)),
    Term("nollmätning", "baseline", "baseline", ("Indicator",), ("baslinje", "basvärde", "utgångsläge", "utgångsvärde")),
    Term("målvärden", "targets", "targets", ("Indicator",), ("målvärde", "delmål", "mål")),
    Term("mätningar", "measurements", "measurements", ("Indicator",), ("mätning", "mätvärden", "utfall")),
    Term("värde", "value", "value", _MEASURED, ("mätvärde",)),
    Term("datum", "date", "date", (*_MEASURED, "Approval", "Revision")),
    Term("kommentar", "note", "note", _MEASURED, ("anteckning", "notering")),
    # costs and the calculation
    Term("kostnadsbärare", "bearer", "bearer", ("Cost",), ("bärare",)),
    Term("belopp", "amounts", "amounts", ("Cost",)),
    Term("basår", "base year", "base_year", ("Calculation",)),
    Term("första år", "first year", "first_year", ("Calculation",), ("första_året", "startår")),
    Term("sista år", "last year", "last_year", ("Calculation",), ("sista_året", "slutår")),
    Term("kalkylränta", "discount rate", "discount_rate", ("Calculation",), ("diskonteringsränta", "ränta")),
    Term("prisnivåår", "price level year", "price_level_year", ("Calculation",), ("prisnivå",)),
    Term(
        "kalkylräntans källa",
        "rate source",
        "rate_source",
        ("Calculation",),
        ("källa för kalkylränta", "källa för kalkylräntan", "räntekälla", "källa"),
    ),
    Term(
        "årsarbetstid",
        "hours per full-time equivalent",
        "hours_per_fte",
        ("Calculation",),
        ("timmar per årsarbetare", "timmar per årsarbetskraft", "arbetstimmar per år"),
    ),
    Term(
        "arbetsgivaravgifter",
        "employer's contributions",
        "employer_contributions",
        ("Calculation",),
        ("personalomkostnadspålägg", "po-pålägg", "po_pålägg", "lönebikostnader"),
    ),
    # risks, revisions, approvals, thresholds
    Term("påverkar", "affects", "affects", ("Risk",)),
    Term("sannolikhet", "probability", "probability", ("Risk",)),
    Term("konsekvens", "impact", "impact", ("Risk",), ("påverkan",)),
    Term("åtgärd", "mitigation", "mitigation", ("Risk",), ("åtgärder",)),
    Term("av", "by", "by", ("Revision", "Approval"), ("godkänd_av", "ändrad_av")),
    Term("anledning", "reason", "reason", ("Revision",), ("orsak", "skäl")),
    Term("ändringar", "changes", "changes", ("Revision",), ("ändring",)),
    Term("roll", "role", "role", ("Approval",)),
    # follow-ups, their proposals and decisions
    Term("uppföljningar", "follow-ups", "follow_ups", ("Plan",), ("uppföljning", "uppföljningstillfällen")),
    Term("datum", "date", "date", ("FollowUpEntry", "Decision")),
    Term("författare", "author", "author", ("FollowUpEntry",), ("skriven_av", "analytiker")),
    Term("kommentar", "commentary", "commentary", ("FollowUpEntry",), ("analys", "kommentarer")),
    Term("beslutsförslag", "proposals", "proposals", ("FollowUpEntry",), ("förslag",)),
    Term("beslut", "decisions", "decisions", ("FollowUpEntry",)),
    Term("text", "text", "text", ("Proposal", "Decision"), ("beskrivning", "lydelse")),
    Term("beslutat av", "decided by", "decided_by", ("Decision",), ("beslutsfattare", "av")),
    Term("beslutsförslag", "proposal", "proposal", ("Decision",), ("förslag",)),
    Term("enligt plan", "on track", "on_track", ("Thresholds",)),
    Term("risk för avvikelse", "at risk", "at_risk", ("Thresholds",)),
)


def _spelling(word: str) -> str:
    return fold(word).replace(" ", "_").replace("-", "_")


@functools.cache
def _spellings(place: str) -> dict[str, Term]:
    """Every way of writing a key at ``place`` (a model's name), folded, and its term."""
    found: dict[str, Term] = {}
    for term in GLOSSARY:
        if place in term.where:
            for word in (term.swedish, *term.also):
                found.setdefault(_spelling(word), term)
    return found


def swedish_key(word: str, place: str) -> Term | None:
    """The term for ``word`` written as a key in a ``place`` (the name of a model of
    nytta.model.plan, ``Benefit``), also when slightly misspelt; None when it is none."""
    spellings = _spellings(place)
    written = _spelling(word)
    if written in spellings:
        return spellings[written]
    close = difflib.get_close_matches(written, list(spellings), n=1, cutoff=0.85)
    return spellings[close[0]] if close else None
