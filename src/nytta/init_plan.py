"""The text of a new benefit plan, written by ``nytta init``.

The plan is organised around the seven questions of E-delegationen's guidance on
benefits realisation (vad är nyttan, hur realiseras den, vem realiserar den, när, hur
följs den upp, vem följer upp, vilka åtgärder krävs), with a comment above every
section in Swedish or English. Its placeholder entries pass ``nytta check`` in any
phase: the dates are derived from the day the plan is written (the baseline before it,
the targets after it).

The templates are plain Python strings filled in with :class:`string.Template`, so
that the braces of YAML flow mappings need no escaping.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from string import Template

from nytta.i18n import _
from nytta.model.enums import Phase, fold
from nytta.model.schedule import add_months

LANGUAGES = ("sv", "en")
DEFAULT_FILE_NAME = "nyttoplan.yaml"
DEFAULT_PLAN_ID = "nyttoplan"
SCHEMA_URL = "https://nytta.se/schema/plan-v1.json"  # the schema's $id
SCHEMA_RELATIVE = Path("docs") / "nytta-plan.schema.json"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class PlanDates:
    """The placeholder dates, all derived from the day the plan is written."""

    today: _dt.date
    baseline: _dt.date
    period_start: _dt.date
    period_end: _dt.date
    realisation_start: _dt.date
    interim_target: _dt.date
    final_target: _dt.date
    realisation_end: _dt.date


def month_end(day: _dt.date) -> _dt.date:
    """The last day of the month of ``day``."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def plan_dates(today: _dt.date) -> PlanDates:
    """Baseline at the end of last month; a one-year project; targets one and two years after it."""
    month_start = today.replace(day=1)
    project_end = month_end(add_months(month_start, 11))
    realisation_start = project_end + _dt.timedelta(days=1)
    final_target = month_end(add_months(realisation_start, 23))
    return PlanDates(
        today=today,
        baseline=month_start - _dt.timedelta(days=1),
        period_start=month_start,
        period_end=project_end,
        realisation_start=realisation_start,
        interim_target=month_end(add_months(realisation_start, 11)),
        final_target=final_target,
        realisation_end=_dt.date(final_target.year + 3, 12, 31),
    )


def plan_id_for(path: Path) -> str:
    """A plan id from the file name (``Ny e-tjänst.yaml`` → ``ny-e-tjanst``), or ``nyttoplan``."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", fold(path.stem)).strip("-._")
    return slug if _ID.fullmatch(slug) else DEFAULT_PLAN_ID


def schema_reference(target: Path) -> str:
    """The relative path to ``docs/nytta-plan.schema.json`` when one is found above the plan, else the URL.

    The search starts in the plan's folder and goes up to the root of the git
    repository that holds it (or to the file system root outside a repository).
    """
    folder = target.absolute().parent
    for candidate in (folder, *folder.parents):
        schema = candidate / SCHEMA_RELATIVE
        if schema.is_file():
            return Path(os.path.relpath(schema, folder)).as_posix()
        if (candidate / ".git").exists():
            break
    return SCHEMA_URL


def plan_text(
    *,
    lang: str = "sv",
    phase: Phase = Phase.IDENTIFY,
    plan_id: str = DEFAULT_PLAN_ID,
    file_name: str = DEFAULT_FILE_NAME,
    schema: str = SCHEMA_URL,
    today: _dt.date | None = None,
) -> str:
    """The complete text of a new plan: the schema line, a guide to the seven questions, the sections."""
    if lang not in LANGUAGES:
        raise ValueError(_("language '{lang}' is not one of {choices}", lang=lang, choices=", ".join(LANGUAGES)))
    values = _values(plan_dates(today or _dt.date.today()), lang, phase, plan_id, file_name)
    parts = [
        f"# yaml-language-server: $schema={schema}\n",
        Template(_GUIDE[lang]).substitute(values),
        Template(_SECTIONS[lang]).substitute(values),
        _commented_out(lang, values),
    ]
    return "".join(parts)


def optional_sections(lang: str, today: _dt.date | None = None) -> str:
    """The optional sections (costs, calculation, risks, revisions, follow-ups) as YAML, before commenting out.

    Appended to a new plan they must still pass the check; the plan carries them as
    comments, to be taken into use by removing the leading ``# ``.
    """
    values = _values(plan_dates(today or _dt.date.today()), lang, Phase.IDENTIFY, "", "")
    return "".join(Template(block).substitute(values) for _, block in _OPTIONAL[lang])


def _commented_out(lang: str, values: dict[str, str]) -> str:
    lines = [_OPTIONAL_INTRO[lang]]
    for explanation, block in _OPTIONAL[lang]:
        yaml_lines = Template(block).substitute(values).splitlines()
        lines.append("#\n" + explanation + "".join(f"# {line}\n" for line in yaml_lines))
    return "\n" + "".join(lines)


def _values(dates: PlanDates, lang: str, phase: Phase, plan_id: str, file_name: str) -> dict[str, str]:
    values = {name: day.isoformat() for name, day in asdict(dates).items()}
    values.update(
        lang=lang,
        phase=phase.value,
        plan_id=plan_id,
        id_pad=" " * max(1, 31 - len(plan_id)),
        file_name=file_name,
        year=str(dates.today.year),
        next_year=str(dates.today.year + 1),
        following_year=str(dates.today.year + 2),
        last_year=str(dates.realisation_end.year),
    )
    return values


# --- Swedish -------------------------------------------------------------------------

_GUIDE_SV = """\
# Nyttoplan i formatet nytta, version 1.
#
# Planen följer vägledningen för nyttorealisering (E-delegationen, i dag DIGG) och är
# ordnad efter de sju frågor som en nyttoplan ska besvara:
#
#   1. Vad är nyttan?          benefits (nyttor), stakeholders (intressenter), goals (mål)
#   2. Hur realiseras den?     chain (effektkedja)
#   3. Vem realiserar den?     owner under benefits (nyttoägare), people (personer)
#   4. När realiseras den?     realisation under benefits, targets under indicators (målvärden)
#   5. Hur följs den upp?      indicators (nyttoindikatorer): mätmetod, källa, frekvens, nollmätning
#   6. Vem följer upp den?     measured_by under indicators (mätansvarig)
#   7. Vilka åtgärder krävs?   insatser (intervention) i chain, preconditions (förutsättningar)
#
# Siffrorna i kommentarerna nedan hänvisar till frågorna. Allt som står här är exempel:
# byt namn, id, värden och datum mot era egna och kontrollera sedan planen med
#
#   nytta check ${file_name}
#
# nytta rules listar reglerna och nytta explain REGEL förklarar en av dem.

"""

_SECTIONS_SV = """\
# Formatversion: alltid 1.
nytta: 1

# Planen: vilken förändring det gäller, vem som har beställt den och var arbetet står.
# phase är fasen i nyttorealiseringen: identify (identifiera), specify (specificera),
# plan (planera), realise (realisera) eller follow_up (följa upp). Ju längre arbetet
# har kommit, desto mer kräver nytta check av planen.
plan:
  id: ${plan_id}${id_pad}# planens id, gärna samma som filnamnet
  title: Förändringens namn
  organisation: Organisation och förvaltning
  description: >
    Vad som ändras och varför, med några meningar.
  phase: ${phase}
  change_owner: linjechef            # förändringsägare (beställare), en person under people
  # project_manager: projektledare   # projektledaren; lägg då till personen under people
  period: {start: ${period_start}, end: ${period_end}}   # förändringsarbetets tid; end = när projektet avslutas
  approvals:                         # beslut om planen; från fasen plan krävs förändringsägarens godkännande
    - {by: linjechef, role: change_owner, date: ${today}}
  language: ${lang}                       # språk i rapporterna: sv eller en

# Personer (fråga 3 och 6): alla som planen hänvisar till, som förändringsägare,
# nyttoägare, mätansvariga och de som godkänner planen. Resten av planen hänvisar till
# dem med deras id, så ett byte av nyttoägare görs på ett enda ställe.
people:
  - {id: linjechef, name: Förnamn Efternamn, title: Enhetschef, organisation: Enheten där nyttan uppstår}

# Intressenter (fråga 1, för vem?): de som berörs av förändringen. De som får en nytta
# blir dess nyttomottagare. category: citizens (medborgare), businesses (företag),
# own_organisation (egen organisation), other_public (annan offentlig aktör) eller
# society (samhället).
stakeholders:
  - {id: invanare, name: Invånare som ansöker, category: citizens}

# Mål (fråga 1, varför?): målen som nyttorna bidrar till, så som de står i
# organisationens styrdokument. Varje nytta måste nå minst ett mål. level: vision,
# overall (övergripande mål), organisational (verksamhetsmål), effect (effektmål) eller
# activity (aktivitetsmål); parent anger det mål som målet bidrar till.
goals:
  - {id: snabbare-besked, name: Invånarna får snabbare besked, level: effect}

# Effektkedja (fråga 2 och 7): hur förändringen leder fram till nyttan. intervention
# (insats: det som görs, åtgärderna), output (leverans: det som levereras), change
# (förändring: det som görs annorlunda) och effect (effekt: resultatet av
# förändringen). leads_to pekar på nästa steg; kedjan slutar i nyttorna.
chain:
  - {id: infora-e-tjanst, type: intervention, name: Införa en e-tjänst för ansökan, leads_to: [digital-ansokan]}
  - {id: digital-ansokan, type: change, name: Invånarna ansöker digitalt, leads_to: [kompletta-arenden]}
  - {id: kompletta-arenden, type: effect, name: Ansökningarna kommer in kompletta, leads_to: [kortare-vantetid]}

# Nyttor (fråga 1 och 3–6): en nytta är en mätbar förändring som minst en intressent
# ser som positiv och som bidrar till minst ett mål. En onytta skrivs likadant med
# polarity: disbenefit. category: financial (finansiell), redeployment (omfördelning),
# quality (kvalitet) eller environment (miljö). Finansiella nyttor och
# omfördelningsnyttor behöver valuation (värdering) och avsnittet calculation.
benefits:
  - id: kortare-vantetid
    name: Kortare väntetid på beslut
    description: >
      Vad nyttan är och hur den uppstår.
    owner: linjechef                 # 3. nyttoägare: en chef i linjen, inte projektledaren
    recipients: [invanare]           # 1. nyttomottagare, bland intressenterna ovan
    goals: [snabbare-besked]         # 1. målen som nyttan bidrar till
    category: quality
    size: moderate                   # storlek om nyttan inte värderas i pengar: small (liten), moderate (måttlig), large (stor)
    # En nytta som värderas i pengar har i stället valuation. Varje uppskattning kan
    # skrivas som ett tal eller som {lägst, troligt, högst}; tid kan värderas med en
    # timkostnad ur månadslönen (nyttoindikatorn mäts då i timmar eller minuter):
    # valuation:
    #   unit_value: {månadslön: 38000}                     # timkostnad = månadslön / (1 700 / 12) × 1,54
    #   volume: {lägst: 800, troligt: 1000, högst: 1200}   # ärenden per år
    #   attribution: 0.8                                   # andelen av förbättringen som förändringen ger
    realisation: {start: ${realisation_start}, end: ${realisation_end}}   # 4. när nyttan uppstår och räknas
    preconditions:                   # 7. förutsättningar som måste vara uppfyllda
      - E-tjänsten är förstahandsvalet på webbplatsen.
    confidence: medium               # hur säker nyttan är: high, medium eller low
    indicators:                      # 5. nyttoindikatorer: hur nyttan mäts
      - id: vantetid
        name: Median antal kalenderdagar från ansökan till beslut
        unit: dagar
        direction: decrease          # det håll som är bättre: increase, decrease eller maintain
        method: Median för alla beslut under kvartalet räknat från inkommen ansökan
        source: Ärendesystemet
        frequency: quarterly         # monthly, quarterly, half_yearly eller yearly
        measured_by: linjechef       # 6. mätansvarig
        baseline: {value: 30, date: ${baseline}}   # nollmätning före förändringen
        targets:                     # 4. målvärden: delmål först, slutligt målvärde sist
          - {date: ${interim_target}, value: 20}
          - {date: ${final_target}, value: 15}
"""

_OPTIONAL_SV = (
    (
        """\
# Kostnader och nyttokalkyl (costs, calculation): kostnaderna per år ställs mot
# nyttornas värde. kind: investment (investering), running (drift) eller
# decommissioning (avveckling). Ett belopp kan skrivas som ett tal eller som
# {lägst, troligt, högst}. En plan med kostnader eller värderade nyttor behöver
# calculation; discount_rate är kalkylräntan (Ineras standardvärde är 3 %) och
# rate_source var den kommer ifrån.
""",
        """\
costs:
  - id: inforande
    name: Införande och projektledning
    kind: investment
    amounts: {${year}: {lägst: 350000, troligt: 400000, högst: 550000}}
  - {id: drift, name: Licens och förvaltning, kind: running, amounts: {${next_year}: 60000, ${following_year}: 60000}}
calculation:
  base_year: ${year}
  first_year: ${year}
  last_year: ${last_year}
  discount_rate: 0.03
  rate_source: Ineras standardvärde för kalkylränta
""",
    ),
    (
        """\
# Risker (risks, fråga 7): det som kan hindra nyttorna, med ägare och åtgärd.
""",
        """\
risks:
  - id: lag-anvandning
    description: Få invånare använder e-tjänsten
    affects: [kortare-vantetid]
    owner: linjechef
    probability: medium
    impact: high
    mitigation: Informera om e-tjänsten på webbplatsen och i kundtjänst
""",
    ),
    (
        """\
# Revisioner (revisions): planens ändringslogg. När ett godkänt målvärde eller en
# nollmätning ändras skrivs en rad här med datum, vem, varför och vad.
""",
        """\
revisions:
  - {date: ${today}, by: linjechef, reason: Varför planen ändrades, changes: Vad som ändrades}
""",
    ),
    (
        """\
# Uppföljningar (follow_ups): en post för varje gång planen följs upp, oftast inför
# styrgruppens möte. commentary är analytikerns kommentar till mätvärdena, proposals
# beslutsförslagen till styrgruppen och decisions de beslut som fattades (med datum,
# vem som beslutade och id:t för förslaget som beslutet gäller).
""",
        """\
follow_ups:
  - date: ${today}
    author: linjechef
    commentary: >
      Vad mätningarna visar, varför, och vad det betyder för nyttorna.
    proposals:
      - {id: forslag-1, text: Vad styrgruppen föreslås besluta}
    decisions:
      - {text: Vad styrgruppen beslutade, date: ${today}, decided_by: Styrgruppen, proposal: forslag-1}
""",
    ),
)

_OPTIONAL_INTRO_SV = """\
# ------------------------------------------------------------------------------------
# Fler avsnitt vid behov: ta bort "# " i början av raderna som ni vill använda.
"""

# --- English -------------------------------------------------------------------------

_GUIDE_EN = """\
# Benefit plan in the nytta format, version 1.
#
# The plan follows the Swedish guidance on benefits realisation (E-delegationen, now
# DIGG) and is organised around the seven questions a benefit plan must answer:
#
#   1. What is the benefit?           benefits, stakeholders, goals
#   2. How is it realised?            chain (the effect chain)
#   3. Who realises it?               owner under benefits (benefit owner), people
#   4. When is it realised?           realisation under benefits, targets under indicators
#   5. How is it followed up?         indicators: method, source, frequency, baseline
#   6. Who follows it up?             measured_by under indicators
#   7. What actions are needed?       interventions in chain, preconditions
#
# The numbers in the comments below refer to these questions. Everything here is an
# example: replace names, ids, values and dates with your own, then check the plan with
#
#   nytta check ${file_name}
#
# nytta rules lists the rules and nytta explain RULE explains one of them.

"""

_SECTIONS_EN = """\
# Format version: always 1.
nytta: 1

# The plan: which change it is about, who ordered it and where the work stands.
# phase is the phase of benefits realisation: identify, specify, plan, realise or
# follow_up (Swedish: identifiera, specificera, planera, realisera, följa upp). The
# further the work has come, the more nytta check asks of the plan.
plan:
  id: ${plan_id}${id_pad}# the plan's id, preferably the file name
  title: Name of the change
  organisation: Organisation and department
  description: >
    What is being changed and why, in a few sentences.
  phase: ${phase}
  change_owner: line-manager         # the change owner (förändringsägare), a person under people
  # project_manager: project-lead    # the project manager; then add the person under people
  period: {start: ${period_start}, end: ${period_end}}   # the change effort itself; end = when the project closes
  approvals:                         # decisions on the plan; from phase plan the change owner must approve
    - {by: line-manager, role: change_owner, date: ${today}}
  language: ${lang}                       # language of the reports: sv or en

# People (questions 3 and 6): everyone the plan refers to, such as the change owner,
# benefit owners, those who measure and those who approve the plan. The rest of the
# plan refers to them by id, so a new benefit owner is changed in one place.
people:
  - {id: line-manager, name: First Last, title: Head of unit, organisation: The unit where the benefit arises}

# Stakeholders (question 1, for whom?): those affected by the change. Those who receive
# a benefit are its recipients. category: citizens, businesses, own_organisation,
# other_public (another public body) or society.
stakeholders:
  - {id: applicants, name: Residents who apply, category: citizens}

# Goals (question 1, why?): the goals the benefits contribute to, as written in the
# organisation's governing documents. Every benefit must reach at least one goal.
# level: vision, overall, organisational, effect or activity; parent names the goal
# that this goal contributes to.
goals:
  - {id: faster-decisions, name: Residents get decisions sooner, level: effect}

# Effect chain (questions 2 and 7): how the change leads to the benefit. intervention
# (what is done: the actions), output (what is delivered), change (what people do
# differently) and effect (the result of the change). leads_to names the next step;
# the chain ends in the benefits.
chain:
  - {id: introduce-e-service, type: intervention, name: Introduce an e-service for applications, leads_to: [digital-applications]}
  - {id: digital-applications, type: change, name: Residents apply online, leads_to: [complete-cases]}
  - {id: complete-cases, type: effect, name: Applications arrive complete, leads_to: [shorter-wait]}

# Benefits (questions 1 and 3–6): a benefit is a measurable change that at least one
# stakeholder sees as positive and that contributes to at least one goal. A
# dis-benefit is written the same way with polarity: disbenefit. category: financial,
# redeployment, quality or environment. Financial and redeployment benefits need a
# valuation and the calculation section.
benefits:
  - id: shorter-wait
    name: Shorter wait for a decision
    description: >
      What the benefit is and how it comes about.
    owner: line-manager              # 3. benefit owner: a manager in the line, not the project manager
    recipients: [applicants]         # 1. benefit recipients, among the stakeholders above
    goals: [faster-decisions]        # 1. the goals the benefit contributes to
    category: quality
    size: moderate                   # the size when the benefit is not valued in money: small, moderate or large
    # A benefit valued in money has a valuation instead. Each estimate may be written
    # as a number or as {low, likely, high}; time may be valued at an hourly cost from
    # the monthly salary (the indicator then counts hours or minutes):
    # valuation:
    #   unit_value: {monthly_salary: 38000}           # hourly cost = monthly salary / (1 700 / 12) × 1.54
    #   volume: {low: 800, likely: 1000, high: 1200}  # cases a year
    #   attribution: 0.8                              # the share of the improvement the change brings
    realisation: {start: ${realisation_start}, end: ${realisation_end}}   # 4. when the benefit arises and counts
    preconditions:                   # 7. conditions that must hold
      - The e-service is the first choice on the website.
    confidence: medium               # how sure the benefit is: high, medium or low
    indicators:                      # 5. benefit indicators: how the benefit is measured
      - id: waiting-days
        name: Median calendar days from application to decision
        unit: days
        direction: decrease          # which way is better: increase, decrease or maintain
        method: Median over all decisions in the quarter counted from the application date
        source: Case management system
        frequency: quarterly         # monthly, quarterly, half_yearly or yearly
        measured_by: line-manager    # 6. who measures
        baseline: {value: 30, date: ${baseline}}   # the baseline, measured before the change
        targets:                     # 4. target values: intermediate targets first, the final target last
          - {date: ${interim_target}, value: 20}
          - {date: ${final_target}, value: 15}
"""

_OPTIONAL_EN = (
    (
        """\
# Costs and the benefit calculation (costs, calculation): the costs per year are set
# against the value of the benefits. kind: investment, running or decommissioning.
# An amount may be written as a number or as {low, likely, high}. A plan with costs
# or valued benefits needs calculation; discount_rate is the discount rate (Inera's
# default is 3 %) and rate_source where it comes from.
""",
        """\
costs:
  - id: introduction
    name: Introduction and project management
    kind: investment
    amounts: {${year}: {low: 350000, likely: 400000, high: 550000}}
  - {id: operation, name: Licence and maintenance, kind: running, amounts: {${next_year}: 60000, ${following_year}: 60000}}
calculation:
  base_year: ${year}
  first_year: ${year}
  last_year: ${last_year}
  discount_rate: 0.03
  rate_source: Inera's default discount rate
""",
    ),
    (
        """\
# Risks (risks, question 7): what could stop the benefits, with an owner and a mitigation.
""",
        """\
risks:
  - id: low-uptake
    description: Few residents use the e-service
    affects: [shorter-wait]
    owner: line-manager
    probability: medium
    impact: high
    mitigation: Promote the e-service on the website and at the service desk
""",
    ),
    (
        """\
# Revisions (revisions): the plan's change log. When an approved target or a
# baseline changes, add an entry with the date, who, why and what.
""",
        """\
revisions:
  - {date: ${today}, by: line-manager, reason: Why the plan changed, changes: What changed}
""",
    ),
    (
        """\
# Follow-ups (follow_ups): one entry for each time the plan is followed up, usually
# before the steering group meets. commentary is the analyst's reading of the
# measurements, proposals the proposals for the steering group and decisions the
# decisions taken (with the date, who decided and the id of the proposal decided on).
""",
        """\
follow_ups:
  - date: ${today}
    author: line-manager
    commentary: >
      What the measurements show, why, and what it means for the benefits.
    proposals:
      - {id: proposal-1, text: What the steering group is asked to decide}
    decisions:
      - {text: What the steering group decided, date: ${today}, decided_by: Steering group, proposal: proposal-1}
""",
    ),
)

_OPTIONAL_INTRO_EN = """\
# ------------------------------------------------------------------------------------
# More sections when needed: remove the "# " at the start of the lines you want to use.
"""

_GUIDE = {"sv": _GUIDE_SV, "en": _GUIDE_EN}
_SECTIONS = {"sv": _SECTIONS_SV, "en": _SECTIONS_EN}
_OPTIONAL = {"sv": _OPTIONAL_SV, "en": _OPTIONAL_EN}
_OPTIONAL_INTRO = {"sv": _OPTIONAL_INTRO_SV, "en": _OPTIONAL_INTRO_EN}
