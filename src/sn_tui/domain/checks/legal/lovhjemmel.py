"""Rules 1 and 4: the legal references, the Lovhjemmel field, and what § 32/§ 46 indsatser owe.

Every reference in the text is parsed (`references.scan`). A barnets lov provision the table
does not know is an error; a serviceloven provision barnets lov replaced is an error that names
the replacement (and says so when the mapping is not certain); any other mention of
serviceloven is a warning, since barnets lov applies to children. A sentence that mentions the
old law on purpose ("tidligere SEL § 52, stk. 3, nr. 5") is left alone, and serviceloven named
in a sentence that also cites barnets lov § 90 (which applies parts of it to children) is fine.
"""

from __future__ import annotations

import re

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal.context import Context
from sn_tui.domain.checks.legal.lawtable import Replacement, barnets_lov, replacement_for
from sn_tui.domain.checks.legal.references import BARNETS_LOV, SERVICELOVEN, Reference, scan
from sn_tui.domain.checks.legal.termer import is_historical
from sn_tui.domain.checks.legal.text import Part

LOVHJEMMEL = "Lovhjemmel"
FORMAAL = "Formål"
OMFANG = "Omfang/varighed"
# Indsatser whose afgørelse must state formål and forventet varighed (§ 32, stk. 3; § 46, stk. 1;
# § 47, stk. 2).
_PURPOSE_PARAGRAPHS = (32, 46, 47)
_SECTION_90 = re.compile(r"(?:barnets\s+lovs?\s+§\s*90\b|§\s*90\s*,?\s*i\s+barnets\s+lov)", re.I)

_OLD_LAW = (
    "Barnets lov afløste 1. januar 2024 servicelovens regler om børn og unge; en henvisning til "
    "den gamle bestemmelse giver borgeren et forkert lovgrundlag."
)
_UNKNOWN = (
    "En henvisning til en bestemmelse, der ikke findes, giver borgeren et forkert lovgrundlag og "
    "kan ikke bære en afgørelse."
)


def _unknown_message(ref: Reference) -> str:
    table = barnets_lov()
    lookup = table.lookup(ref)
    where = f"{ref.label}{',' if ref.stk is not None or ref.nr is not None else ''} i barnets lov"
    if lookup.problem == "stk":
        return f"{where} findes ikke: {ref.paragraph_label} har stk. 1-{lookup.limit}."
    if lookup.problem == "nr":
        stk = ref.stk if ref.stk is not None else 1
        return f"{where} findes ikke: {ref.paragraph_label}, stk. {stk}, har nr. 1-{lookup.limit}."
    if not ref.bogstav and not 1 <= ref.paragraf <= table.last_paragraph:
        return f"{where} findes ikke: loven har §§ 1-{table.last_paragraph}."
    return f"{where} findes ikke i projektets tabel over barnets lov ({table.udgave})."


def _repealed(ctx: Context, part: Part, ref: Reference, row: Replacement) -> Finding:
    old = f"{ref.label} i serviceloven ({row.titel.lower()})"
    comma = "," if re.search(r"(?:stk|nr)\.\s*\d+$", row.barnets_lov) else ""
    new = f"{row.barnets_lov}{comma} i barnets lov"
    if row.sikker:
        message = f"{old} gælder ikke længere for børn og unge: brug {new} ({row.erstatning})."
        suggestion = f"Skriv »{new}«."
    else:
        message = (
            f"{old} gælder ikke længere for børn og unge; den svarer formentlig til {new} "
            f"({row.erstatning}), men det skal kontrolleres i lovteksten."
        )
        suggestion = f"Find den rigtige bestemmelse i barnets lov; et bud er »{new}«."
    return ctx.finding(
        part.start + ref.start,
        "error",
        "lovhjemmel-repealed",
        message,
        field=ctx.field_of(part),
        explanation=_OLD_LAW,
        suggestion=suggestion,
    )


def _serviceloven(ctx: Context, part: Part, offset: int, ref: Reference | None) -> Finding:
    named = f"{ref.label} i serviceloven" if ref else "Serviceloven"
    return ctx.finding(
        part.start + offset,
        "warning",
        "termer-serviceloven",
        f"{named} nævnes, men for børn og unge gælder barnets lov fra 1. januar 2024.",
        field=ctx.field_of(part),
        explanation="Serviceloven gælder kun for børn og unge, hvor barnets lov § 90 henviser "
        "til den (fx hjælpemidler); nævn i så fald barnets lov § 90 i samme sætning.",
        suggestion="Henvis til bestemmelsen i barnets lov, eller skriv »…, jf. barnets lov § 90«.",
    )


def check_references(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    table = barnets_lov()
    # Many references share one sentence (a text without full stops is one long sentence):
    # asking each sentence once keeps the rule linear in the text's length.
    asked: dict[str, tuple[bool, bool]] = {}

    def historical_or_90(sentence: str) -> tuple[bool, bool]:
        if sentence not in asked:
            asked[sentence] = (is_historical(sentence), bool(_SECTION_90.search(sentence)))
        return asked[sentence]

    for part in ctx.parts:
        found = scan(part.text)
        for ref in found.references:
            sentence = part.sentence_around(ref.start)
            if ref.law == BARNETS_LOV:
                if not table.lookup(ref).known:
                    findings.append(
                        ctx.finding(
                            part.start + ref.start,
                            "error",
                            "lovhjemmel-unknown",
                            _unknown_message(ref),
                            field=ctx.field_of(part),
                            explanation=_UNKNOWN,
                            suggestion="Kontrollér nummeret i barnets lov "
                            f"({table.udgave}) og ret henvisningen.",
                        )
                    )
            elif ref.law == SERVICELOVEN and not historical_or_90(sentence)[0]:
                row = replacement_for(ref)
                if row is not None:
                    findings.append(_repealed(ctx, part, ref, row))
                elif not historical_or_90(sentence)[1]:
                    findings.append(_serviceloven(ctx, part, ref.start, ref))
        for start, _ in found.loose_serviceloven:
            if not any(historical_or_90(part.sentence_around(start))):
                findings.append(_serviceloven(ctx, part, start, None))
    return _unique(findings)


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per code, line and message (a range or list can repeat one)."""
    seen: set[tuple[str, int, str]] = set()
    out = []
    for f in findings:
        key = (f.code, f.line, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def lovhjemmel_references(ctx: Context) -> list[Reference]:
    part = ctx.part(LOVHJEMMEL)
    return list(scan(part.text).references) if part else []


def check_lovhjemmel_field(ctx: Context) -> list[Finding]:
    """The Lovhjemmel field must name the provision the indsats is given under."""
    part = ctx.part(LOVHJEMMEL)
    line = ctx.heading_line(LOVHJEMMEL)
    if part is None or not part.text.strip():
        return [
            ctx.finding(
                0,
                "error",
                "lovhjemmel-empty",
                "Feltet Lovhjemmel er tomt: angiv den paragraf i barnets lov, "
                "som indsatsen gives efter.",
                field=LOVHJEMMEL,
                explanation="Borgeren og sagsbehandleren skal kunne se, hvilken bestemmelse "
                "indsatsen bevilges efter.",
                suggestion="Skriv fx »§ 32, stk. 1, nr. 3, i barnets lov«.",
                line=line,
            )
        ]
    if not lovhjemmel_references(ctx):
        return [
            ctx.finding(
                0,
                "warning",
                "lovhjemmel-no-reference",
                "Feltet Lovhjemmel nævner ingen paragraf.",
                field=LOVHJEMMEL,
                explanation="Uden en paragraf kan ingen kontrollere, at indsatsen har hjemmel.",
                suggestion="Skriv fx »§ 32, stk. 1, nr. 3, i barnets lov«.",
                line=line,
            )
        ]
    return []


_BRACKET = re.compile(r"\[[^\]\n]{1,200}\](?![(\[:])")  # "[tekst]", not a Markdown link
_MARKER = re.compile(r"\bX{2,}\b|\bTBD\b|\bTODO\b")
_ONLY_FILLER = re.compile(r"[\s.…?_–-]+")


def placeholder(text: str) -> re.Match[str] | None:
    """The placeholder in a field's text ("[tekst]", "XX", "TBD", "..."), if it has one."""
    return _BRACKET.search(text) or _MARKER.search(text) or _ONLY_FILLER.fullmatch(text)


def check_required_content(ctx: Context) -> list[Finding]:
    """§ 32 and § 46/47 indsatser must describe their formål and expected duration."""
    cited = [
        ref
        for ref in lovhjemmel_references(ctx)
        if ref.law == BARNETS_LOV and not ref.bogstav and ref.paragraf in _PURPOSE_PARAGRAPHS
    ]
    if not cited:
        return []
    basis = cited[0].paragraph_label
    explanation = (
        "Efter barnets lov § 32, stk. 3, og § 46, stk. 1, skal afgørelsen angive formålet med "
        "indsatsen og den forventede varighed; serviceniveauet skal beskrive begge."
    )
    suggestions = {
        FORMAAL: "Beskriv, hvad indsatsen skal opnå for barnet eller den unge.",
        OMFANG: "Beskriv det typiske omfang og den forventede varighed, fx »typisk 3-6 timer "
        "om ugen i op til 12 måneder«.",
    }
    findings = []
    for name in (FORMAAL, OMFANG):
        part = ctx.part(name)
        if part is not None and part.text.strip():
            found = placeholder(part.text.strip())
            if found is None:
                continue
            offset = part.start + part.text.index(part.text.strip()) + found.start()
            code = "lovhjemmel-content-placeholder"
            message = (
                f"Feltet {name} indeholder en pladsholder (»{found.group().strip()}«) i stedet "
                f"for en beskrivelse, som kræves, fordi indsatsen gives efter {basis} "
                "i barnets lov."
            )
            line = ctx.line(offset)
        else:
            code = "lovhjemmel-content-missing"
            message = (
                f"Feltet {name} er tomt, men skal beskrives, fordi indsatsen gives efter "
                f"{basis} i barnets lov."
            )
            line = ctx.heading_line(name)
        findings.append(
            ctx.finding(
                0,
                "error",
                code,
                message,
                field=name,
                explanation=explanation,
                suggestion=suggestions[name],
                line=line,
            )
        )
    return findings
