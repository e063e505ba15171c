"""Source documents for the import tests, built the way kommuner's files look: Word files made
with python-docx in the template's table shape, with headings, with bold lead-ins, with tracked
changes and comments; web pages in the style of municipal CMS pages.

Field text is given in a small Markdown (paragraphs, `- ` and `1. ` lists, **bold**, *italic*,
[links](url)) and written as Word paragraphs, list styles, runs and hyperlinks, so a test can
compare what the import reads with what was written.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

from sn_tui.domain.fields import FIELDS

GREY = RGBColor(0x7F, 0x7F, 0x7F)
GUIDANCE = {
    "Formål": "Her beskrives, hvorfor en foranstaltning gives til et barn eller en ung.",
    "Indhold": "Her beskrives, hvad der gives til barnet eller den unge.",
    "Målgruppe/tildelingskriterier": "Her beskrives, hvem foranstaltningen gives til.",
    "Omfang/varighed": "Her beskrives, hvor meget/hvor længe foranstaltningen gives.",
    "Tildeling": "Her beskrives bl.a., hvem, der kan tildele, og hvilke kompetencer der "
    "forudsættes.",
    "Levering af ydelsen": "Her beskrives bl.a., hvor og af hvem ydelsen kan leveres.",
    "Kvalitetskrav til leverandør": "Her beskrives, hvordan og hvor ofte der skal følges op "
    "på foranstaltningen.",
    "Lovhjemmel": "Her noteres, hvilken paragraf foranstaltningen/indsatsen ydes efter.",
}

FAMILIEBEHANDLING = {
    "Formål": "Familiebehandling skal styrke forældrenes evne til at give barnet en tryg "
    "hverdag, så barnet kan *trives og udvikle sig* i sin egen familie.",
    "Indhold": "Behandlingen tilrettelægges efter familiens behov og kan bestå af:\n\n"
    "- samtaler med hele familien\n- forældrekurser i grupper\n- støtte til søskende\n\n"
    "**Bemærk:** forløbet kan også foregå i weekenden.",
    "Målgruppe/tildelingskriterier": "Familier med børn og unge i alderen 0–17 år, hvor der "
    "er **bekymring for barnets trivsel** eller udvikling.",
    "Omfang/varighed": "Typisk 3–6 måneder med 1–2 møder om ugen. Forløbet vurderes løbende.",
    "Tildeling": "Børne- og ungerådgiveren træffer afgørelse efter en konkret og "
    "individuel vurdering:\n\n1. afdækning af barnets behov\n2. samtale med familien\n"
    "3. afgørelse med formål og forventet varighed",
    "Levering af ydelsen": "Kommunens familiehus eller en godkendt privat leverandør. Se "
    "[Tilbudsportalen](https://tilbudsportalen.dk) for godkendte leverandører.",
    "Kvalitetskrav til leverandør": "Leverandøren følger op på målene hver tredje måned "
    "og sender en skriftlig status til rådgiveren.",
    "Lovhjemmel": "§ 32, stk. 1, nr. 5, i barnets lov.",
}

STOETTEOPHOLD = {
    "Formål": "Støtteophold giver barnet et godt ophold uden for hjemmet og aflaster "
    "familien, så barnet kan blive boende hjemme.",
    "Indhold": "Ophold hos en plejefamilie eller på en institution i weekender og ferier.",
    "Målgruppe/tildelingskriterier": "Børn og unge, hvis familie har brug for et pusterum "
    "for at kunne give barnet den nødvendige omsorg.",
    "Omfang/varighed": "Omfanget fastsættes efter en konkret vurdering af barnets behov.",
    "Tildeling": "Børne- og ungerådgiveren træffer afgørelse på baggrund af en "
    "børnefaglig undersøgelse.",
    "Levering af ydelsen": "Godkendte plejefamilier og døgninstitutioner.",
    "Kvalitetskrav til leverandør": "Stedet er godkendt af Socialtilsynet.",
    "Lovhjemmel": "§ 32, stk. 1, nr. 7, i barnets lov.",
}

FORORD = "Jeg er glad for at kunne præsentere Åby Kommunes serviceniveau for børn og unge."
PRINCIPPER = "Der foretages altid en konkret og individuel vurdering af barnets behov."

_INLINE = re.compile(r"\*\*(?P<b>.+?)\*\*|\*(?P<i>.+?)\*|\[(?P<t>[^\]]+)\]\((?P<u>[^)]+)\)")


# ---------------------------------------------------------------------- writing Markdown
def add_markdown(doc: docx.document.Document, container: object, text: str) -> None:
    """Paragraphs and lists of `text` into `container` (the document or a table cell)."""
    first = container.paragraphs[0] if hasattr(container, "_tc") else None  # type: ignore[attr-defined]
    for block in text.split("\n\n"):
        for line in block.split("\n") if _is_list(block) else [block]:
            style = None
            if line.startswith("- "):
                style, line = "List Bullet", line[2:]
            elif re.match(r"\d+\. ", line):
                style, line = "List Number", line.split(" ", 1)[1]
            if first is not None:
                paragraph, first = first, None
                if style:
                    paragraph.style = doc.styles[style]
            else:
                paragraph = container.add_paragraph(style=style)  # type: ignore[attr-defined]
            add_inline(doc, paragraph, line)


def _is_list(block: str) -> bool:
    return all(line.startswith("- ") or re.match(r"\d+\. ", line) for line in block.split("\n"))


def add_inline(doc: docx.document.Document, paragraph: object, text: str) -> None:
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos : m.start()])  # type: ignore[attr-defined]
        if m.group("b"):
            paragraph.add_run(m.group("b")).bold = True  # type: ignore[attr-defined]
        elif m.group("i"):
            paragraph.add_run(m.group("i")).italic = True  # type: ignore[attr-defined]
        else:
            add_link(doc, paragraph, m.group("t"), m.group("u"))
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])  # type: ignore[attr-defined]


def add_link(doc: docx.document.Document, paragraph: object, text: str, url: str) -> None:
    rid = doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)  # type: ignore[attr-defined]


# ---------------------------------------------------------------------- the shapes
def template_docx(path: Path, indsatser: dict[str, dict[str, str]], kategori: str = "") -> Path:
    """The template's shape: Forord, Principper, then per indsats "Foranstaltning/indsats: X"
    and the two-column table, the field name bold and its guidance in grey in the left cell."""
    doc = docx.Document()
    doc.add_paragraph("Serviceniveau for børn og unge med særlige behov", style="Title")
    doc.add_heading("Forord", 1)
    doc.add_paragraph("[tilpasses den enkelte kommunes ønsker og situation]")
    doc.add_paragraph(FORORD)
    doc.add_heading("Principper for indsatsen overfor BØRN OG UNGE MED SÆRLIGE BEHOV", 1)
    doc.add_paragraph(PRINCIPPER)
    doc.add_paragraph(
        "[Her beskrives kommunens principper for indsatsen i forhold til børn og unge.]"
    )
    doc.add_heading("Serviceniveau", 1)
    if kategori:
        doc.add_heading(kategori, 2)
    for titel, fields in indsatser.items():
        doc.add_paragraph(f"Foranstaltning/indsats: {titel}")
        doc.add_paragraph("Skema: Beskrivelse af serviceniveau")
        table = doc.add_table(rows=len(FIELDS), cols=2)
        table.style = doc.styles["Table Grid"]
        for row, name in zip(table.rows, FIELDS, strict=True):
            left = row.cells[0]
            left.paragraphs[0].add_run(name).bold = True
            left.add_paragraph().add_run(GUIDANCE[name]).font.color.rgb = GREY
            add_markdown(doc, row.cells[1], fields.get(name, ""))
        doc.add_paragraph()
    doc.save(path)
    return path


def heading_docx(
    path: Path,
    kategorier: dict[str, dict[str, dict[str, str]]],
    *,
    lead_ins: bool = False,
    extra: dict[str, tuple[str, str]] | None = None,
) -> Path:
    """Headings per kategori (1) and indsats (2); each field a heading (3) or, with
    `lead_ins`, a paragraph starting with its bold name and a colon. `extra` adds a section
    the template does not have after a field: indsats -> (after field, "Heading|text")."""
    doc = docx.Document()
    doc.add_paragraph("Åby Kommune", style="Title")
    for kategori, indsatser in kategorier.items():
        doc.add_heading(kategori, 1)
        for titel, fields in indsatser.items():
            doc.add_heading(titel, 2)
            for name, text in fields.items():
                if lead_ins and "\n" not in text:
                    paragraph = doc.add_paragraph()
                    paragraph.add_run(f"{name}:").bold = True
                    paragraph.add_run(" ")
                    add_inline(doc, paragraph, text)
                else:
                    doc.add_heading(name, 3)
                    add_markdown(doc, doc, text)
                after, section = (extra or {}).get(titel, ("", ""))
                if after == name:
                    heading, body = section.split("|", 1)
                    doc.add_heading(heading, 3)
                    doc.add_paragraph(body)
    doc.save(path)
    return path


def tracked_docx(path: Path) -> Path:
    """One indsats whose Formål still holds a tracked deletion and insertion, and a comment."""
    doc = docx.Document()
    doc.add_heading("Fast kontaktperson", 1)
    doc.add_heading("Formål", 2)
    paragraph = doc.add_paragraph()
    paragraph.add_run("Den unge får en ")
    p = paragraph._p
    deleted = OxmlElement("w:del")
    for key, value in (("w:id", "1"), ("w:author", "Jurist"), ("w:date", "2026-01-05T10:00:00Z")):
        deleted.set(qn(key), value)
    run = OxmlElement("w:r")
    gone = OxmlElement("w:delText")
    gone.text = "tilfældig "
    gone.set(qn("xml:space"), "preserve")
    run.append(gone)
    deleted.append(run)
    p.append(deleted)
    inserted = OxmlElement("w:ins")
    for key, value in (("w:id", "2"), ("w:author", "Jurist"), ("w:date", "2026-01-05T10:00:00Z")):
        inserted.set(qn(key), value)
    run = OxmlElement("w:r")
    new = OxmlElement("w:t")
    new.text = "fast og tryg "
    new.set(qn("xml:space"), "preserve")
    run.append(new)
    inserted.append(run)
    p.append(inserted)
    last = paragraph.add_run("voksen at tale med.")
    doc.add_comment(last, text="Skal vi skrive noget om alder?", author="Mette")
    doc.add_heading("Lovhjemmel", 2)
    doc.add_paragraph("§ 32, stk. 1, nr. 3, i barnets lov.")
    doc.save(path)
    return path


# ---------------------------------------------------------------------- web pages
_PAGE = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>{title} | Åby Kommune</title>
<script>window.dataLayer = [];</script><style>.x {{ color: red }}</style></head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>Vi bruger cookies til statistik.
<strong>Formål:</strong> at forbedre hjemmesiden.</p><button>Accepter alle</button></div>
<header class="site-header"><a href="/">Forside</a><nav class="main-menu"><ul>
<li><a href="/borger">Borger</a></li><li><a href="/erhverv">Erhverv</a></li></ul></nav></header>
<nav aria-label="Brødkrumme" class="breadcrumb"><ol><li><a href="/">Forside</a></li>
<li><a href="/born">Børn og unge</a></li><li>{title}</li></ol></nav>
<main id="main-content">
{body}
</main>
<aside class="related"><h2>Se også</h2><ul><li><a href="/pp">PPR</a></li></ul></aside>
<footer class="site-footer"><h2>Kontakt</h2><p>Åby Kommune, Torvet 1, tlf. 70 10 20 30</p>
<p>Tilgængelighedserklæring</p></footer>
</body></html>
"""

FAMILIEBEHANDLING_PAGE = _PAGE.format(
    title="Familiebehandling",
    body="""<article>
<h1>Familiebehandling</h1>
<p class="meta">Vedtaget: 12. marts 2025 / Opdateret: 3. februar 2026</p>
<h2>Formål med indsatsen</h2>
<p>Familiebehandling skal styrke forældrenes evne til at give barnet en tryg hverdag.</p>
<h2>Hvem kan få</h2>
<p>Familier med børn i alderen 0–17 år, hvor der er <strong>bekymring for barnets
trivsel</strong>.</p>
<h2>Indhold</h2>
<ul><li>samtaler med hele familien</li><li>forældrekurser i <em>grupper</em></li></ul>
<h2>Varighed</h2>
<p>Typisk 3–6 måneder.</p>
<h2>Visitation</h2>
<p>Kontakt Børne- og Familierådgivningen. Læs mere på
<a href="/born/raadgivning">siden om rådgivning</a>.</p>
<h2>Leverandør</h2>
<p>Kommunens familiehus.</p>
<h2>Opfølgning</h2>
<p>Rådgiveren følger op hver tredje måned.</p>
<h2>Ventetid</h2>
<p>Der er ingen venteliste.</p>
<h2>Lovgrundlag</h2>
<p>§ 32, stk. 1, nr. 5, i barnets lov.</p>
</article>""",
)

SEVERAL_PAGE = """<html><head><title>Serviceniveau – Åby Kommune</title></head><body>
<div class="topbar"><a href="/">Åby Kommune</a><div class="search"><form><input></form></div></div>
<div id="content" class="page-content">
<h1>Serviceniveau for støttende indsatser</h1>
<h2>Fast kontaktperson</h2>
<p><strong>Formål:</strong> Den unge får en fast og tryg voksen at tale med.</p>
<p><strong>Målgruppe:</strong> Unge i alderen 12–17 år.</p>
<p><strong>Lovhjemmel:</strong> § 32, stk. 1, nr. 3, i barnets lov.</p>
<h2>Praktiktilbud</h2>
<p><strong>Formål:</strong> Den unge får erfaring fra en arbejdsplads.</p>
<p><strong>Lovhjemmel:</strong> § 32, stk. 1, nr. 4, i barnets lov.</p>
</div>
<div class="footer">Åby Kommune · <a href="/cookies">Cookies</a></div>
</body></html>
"""

NEWS_PAGE = _PAGE.format(
    title="Nyheder",
    body="<h1>Nyt legeområde i parken</h1><p>Byrådet har besluttet at bygge en ny legeplads.</p>",
)


def numbered_list(doc: docx.document.Document, container: object, items: list[str]) -> None:
    """Items as Word writes a list typed by hand: "List Paragraph" with numbering (numPr)."""
    for item in items:
        paragraph = container.add_paragraph(item, style="List Paragraph")  # type: ignore[attr-defined]
        num = OxmlElement("w:numPr")
        level = OxmlElement("w:ilvl")
        level.set(qn("w:val"), "0")
        ident = OxmlElement("w:numId")
        ident.set(qn("w:val"), "1")  # python-docx's template: numId 1 is a bullet list
        num.append(level)
        num.append(ident)
        paragraph._p.get_or_add_pPr().append(num)


def standard_docx(path: Path) -> Path:
    """A kvalitetsstandard as many kommuner write one: numbered headings per indsats, each
    field a bold line of its own followed by plain paragraphs, a hand-made bullet list, and
    sections the template does not have (Klageadgang, Egenbetaling)."""
    doc = docx.Document()
    doc.add_paragraph("Kvalitetsstandarder 2026", style="Title")
    doc.add_paragraph("Indholdsfortegnelse")
    doc.add_heading("1. Støttende indsatser efter barnets lov", 1)
    doc.add_heading("1.1 Praktisk, pædagogisk støtte i hjemmet", 2)
    for label, paragraphs, items in (
        ("Hvad er formålet?", ["Støtten skal hjælpe forældrene med at skabe struktur."], []),
        ("Hvad kan du få?", ["Støtten kan fx være:"], ["hjælp til morgenrutiner",
                                                      "hjælp til lektier"]),
        ("Hvem kan få støtten?", ["Familier med børn under 18 år."], []),
        ("Omfang og varighed", ["Typisk 4 timer om ugen i op til et halvt år."], []),
        ("Sådan søger du", ["Kontakt Børne- og Familierådgivningen."], []),
        ("Egenbetaling", ["Der er ingen egenbetaling."], []),
        ("Hvem leverer støtten?", ["Kommunens familiekonsulenter."], []),
        ("Opfølgning", ["Rådgiveren følger op efter tre måneder."], []),
        ("Klageadgang", ["Du kan klage over afgørelsen inden fire uger."], []),
        ("Lovgrundlag", ["Barnets lov § 32, stk. 1, nr. 2."], []),
    ):  # fmt: skip
        doc.add_paragraph().add_run(label).bold = True
        for text in paragraphs:
            doc.add_paragraph(text)
        numbered_list(doc, doc, items)
    doc.save(path)
    return path
