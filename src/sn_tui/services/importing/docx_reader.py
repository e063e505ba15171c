"""A Word file (.docx) as blocks: headings by paragraph style, paragraphs and lists as Markdown
(bold, italic, links), two-column tables as rows, a short bold start of a paragraph as its lead.

The XML is walked directly rather than through python-docx's runs, which skip text inside
tracked insertions: the accepted text is what is read (insertions kept, deletions left out),
and comments are left out; both are counted so the user is told.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sn_tui.domain.importing.blocks import Block, Heading, Row, Source, Text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HEADING_STYLE = re.compile(r"^(?:heading|overskrift)\s*(\d)$", re.IGNORECASE)
_NUMBERED_STYLE = re.compile(r"number|nummer", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list|liste", re.IGNORECASE)
_TITLE_STYLES = {"title", "subtitle", "titel", "undertitel"}
_MAX_LEAD_WORDS = 8
_MAX_LEAD_CHARS = 80
_CAPTION_LEVEL = 9  # below every real heading: the indsats named by its table's top row


@dataclass(frozen=True)
class _Span:
    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""
    brk: bool = False  # a line break


@dataclass(frozen=True)
class _Para:
    spans: tuple[_Span, ...]
    heading: int  # 0: not a heading
    list_kind: str  # "", "-" or "1."
    depth: int
    title: bool  # the document's Title or Subtitle style

    @property
    def plain(self) -> str:
        return "".join("\n" if s.brk else s.text for s in self.spans).strip()


def open_docx(data: bytes) -> Any:
    """The python-docx document of `data`; it raises many kinds on a broken package."""
    import docx

    return docx.Document(io.BytesIO(data))


def read_docx(name: str, document: Any) -> Source:
    """The blocks of an opened .docx (`open_docx`)."""
    reader = _Reader(document)
    blocks = list(reader.blocks(document.element.body))
    title = str(document.core_properties.title or "")
    notices = tuple(
        (code, n) for code, n in (("tracked", reader.tracked), ("comments", reader.comments)) if n
    )
    return Source(name, tuple(blocks), title, notices)


class _Reader:
    def __init__(self, document: Any) -> None:
        self.part = document.part
        self.styles = {s.style_id: (s.name or "") for s in document.styles}
        self.formats = _numbering_formats(document)
        self.tracked = 0
        self.comments = 0

    # ------------------------------------------------------------------ the body
    def blocks(self, body: Any) -> Iterator[Block]:
        pending: list[_Para] = []
        for element in self.children(body):
            if element.tag == f"{_W}p":
                para = self.paragraph(element)
                if para.list_kind:
                    pending.append(para)
                    continue
                if pending:
                    yield Text(_list_markdown(pending))
                    pending = []
                yield from self.paragraph_blocks(para)
            elif element.tag == f"{_W}tbl":
                if pending:
                    yield Text(_list_markdown(pending))
                    pending = []
                yield from self.table(element)
        if pending:
            yield Text(_list_markdown(pending))

    def children(self, parent: Any) -> Iterator[Any]:
        """Paragraphs and tables, also inside content controls (w:sdt)."""
        for child in parent:
            if child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from self.children(content)
            elif child.tag in (f"{_W}p", f"{_W}tbl"):
                yield child

    def paragraph_blocks(self, para: _Para) -> Iterator[Block]:
        if not para.plain:
            return
        if para.heading:
            yield Heading(para.heading, _one_line(para.plain))
        elif para.title:
            yield Text(_markdown(para.spans))
        else:
            lead, rest = _lead(para.spans)
            yield Text(_markdown(rest), lead) if lead else Text(_markdown(para.spans))

    def table(self, tbl: Any) -> Iterator[Block]:
        for number, tr in enumerate(tbl.findall(f"{_W}tr")):
            cells = [self.cell(tc) for tc in tr.findall(f"{_W}tc")]
            cells = [c for c in cells if c[0] or c[1]] or cells[:1]
            if not cells:
                continue
            if len(cells) == 1:
                label, markdown = cells[0]
                if number == 0 and label == _one_line(markdown.strip("*_ ")):
                    yield Heading(_CAPTION_LEVEL, label)  # a merged top row naming the table
                elif markdown:
                    yield Text(markdown)
                continue
            label = cells[0][0]
            markdown = "\n\n".join(c[1] for c in cells[1:] if c[1])
            yield Row(label, markdown)

    def cell(self, tc: Any) -> tuple[str, str]:
        """A cell's label (its first line, plain) and its text as Markdown."""
        paragraphs: list[_Para] = []
        parts: list[str] = []
        pending: list[_Para] = []
        for element in self.children(tc):
            if element.tag == f"{_W}tbl":
                parts.extend(b.markdown for b in self.table(element) if isinstance(b, Text | Row))
                continue
            para = self.paragraph(element)
            paragraphs.append(para)
            if para.list_kind:
                pending.append(para)
                continue
            if pending:
                parts.append(_list_markdown(pending))
                pending = []
            if para.plain:
                parts.append(_markdown(para.spans))
        if pending:
            parts.append(_list_markdown(pending))
        first = next((p.plain for p in paragraphs if p.plain), "")
        return _one_line(first.split("\n", 1)[0]), "\n\n".join(parts)

    # ------------------------------------------------------------------ a paragraph
    def paragraph(self, p: Any) -> _Para:
        ppr = p.find(f"{_W}pPr")
        style = ""
        num_kind, depth = "", 0
        if ppr is not None:
            style_el = ppr.find(f"{_W}pStyle")
            if style_el is not None:
                style = self.styles.get(style_el.get(f"{_W}val"), style_el.get(f"{_W}val") or "")
            num = ppr.find(f"{_W}numPr")
            if num is not None:
                num_kind, depth = self.numbering(num, style)
            outline = ppr.find(f"{_W}outlineLvl")
            mark = ppr.find(f"{_W}rPr")
            if mark is not None and mark.find(f"{_W}del") is not None:
                self.tracked += 1
        else:
            outline = None
        heading = _HEADING_STYLE.match(style.strip())
        level = int(heading.group(1)) if heading else 0
        if not level and outline is not None and (outline.get(f"{_W}val") or "").isdigit():
            level = int(outline.get(f"{_W}val")) + 1 if int(outline.get(f"{_W}val")) < 9 else 0
        if not num_kind and _LIST_STYLE.search(style) and not level:
            if "bullet" in style.casefold() or "punkt" in style.casefold():
                num_kind = "-"
            elif _NUMBERED_STYLE.search(style):
                num_kind = "1."
            if num_kind:
                digits = re.search(r"(\d)\s*$", style)
                depth = int(digits.group(1)) - 1 if digits else 0
        spans = tuple(self.inline(p, bold=False, italic=False, link=""))
        title = style.strip().casefold() in _TITLE_STYLES
        return _Para(spans, level, num_kind, depth, title)

    def numbering(self, num: Any, style: str) -> tuple[str, int]:
        ilvl = num.find(f"{_W}ilvl")
        num_id = num.find(f"{_W}numId")
        depth = int(ilvl.get(f"{_W}val") or 0) if ilvl is not None else 0
        ident = num_id.get(f"{_W}val") if num_id is not None else None
        if ident in (None, "0"):
            return "", 0
        fmt = self.formats.get((str(ident), depth), "")
        if fmt:
            return ("-" if fmt in ("bullet", "none") else "1."), depth
        return ("1." if _NUMBERED_STYLE.search(style) else "-"), depth

    def inline(self, parent: Any, *, bold: bool, italic: bool, link: str) -> Iterator[_Span]:
        for child in parent:
            tag = child.tag
            if tag == f"{_W}r":
                yield from self.run(child, bold, italic, link)
            elif tag in (f"{_W}ins", f"{_W}moveTo"):
                self.tracked += 1
                yield from self.inline(child, bold=bold, italic=italic, link=link)
            elif tag in (f"{_W}del", f"{_W}moveFrom"):
                self.tracked += 1
            elif tag == f"{_W}hyperlink":
                target = self.link_target(child) or link
                yield from self.inline(child, bold=bold, italic=italic, link=target)
            elif tag in (f"{_W}smartTag", f"{_W}fldSimple", f"{_W}customXml"):
                yield from self.inline(child, bold=bold, italic=italic, link=link)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from self.inline(content, bold=bold, italic=italic, link=link)
            elif tag == f"{_W}commentRangeStart":
                self.comments += 1

    def run(self, r: Any, bold: bool, italic: bool, link: str) -> Iterator[_Span]:
        rpr = r.find(f"{_W}rPr")
        if rpr is not None:
            bold = _on(rpr.find(f"{_W}b"), bold)
            italic = _on(rpr.find(f"{_W}i"), italic)
            if rpr.find(f"{_W}vanish") is not None:
                return
        for child in r:
            tag = child.tag
            if tag == f"{_W}t":
                yield _Span(child.text or "", bold, italic, link)
            elif tag == f"{_W}tab":
                yield _Span(" ", bold, italic, link)
            elif tag in (f"{_W}br", f"{_W}cr"):
                yield _Span("", brk=True)
            elif tag == f"{_W}noBreakHyphen":
                yield _Span("-", bold, italic, link)

    def link_target(self, hyperlink: Any) -> str:
        rid = hyperlink.get(_R_ID)
        if rid and rid in self.part.rels:
            rel = self.part.rels[rid]
            return str(rel.target_ref) if rel.is_external else ""
        anchor = hyperlink.get(f"{_W}anchor")
        return f"#{anchor}" if anchor else ""


def _on(element: Any, inherited: bool) -> bool:
    if element is None:
        return inherited
    return (element.get(f"{_W}val") or "true").lower() not in ("0", "false", "off", "none")


def _numbering_formats(document: Any) -> dict[tuple[str, int], str]:
    """(numId, level) -> numFmt ("bullet", "decimal" …) from the numbering part, if any."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for an in numbering.findall(f"{_W}abstractNum"):
        levels: dict[int, str] = {}
        for lvl in an.findall(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            levels[int(lvl.get(f"{_W}ilvl") or 0)] = (
                fmt.get(f"{_W}val") or "" if fmt is not None else ""
            )
        abstract[an.get(f"{_W}abstractNumId") or ""] = levels
    out: dict[tuple[str, int], str] = {}
    for num in numbering.findall(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is None:
            continue
        for level, fmt in abstract.get(ref.get(f"{_W}val") or "", {}).items():
            out[(num.get(f"{_W}numId") or "", level)] = fmt
    return out


# ---------------------------------------------------------------------- Markdown
def _markdown(spans: tuple[_Span, ...]) -> str:
    """Spans as Markdown: runs of equal formatting joined, then marked; a break is a new line."""
    groups: list[_Span] = []
    for span in spans:
        if groups and not span.brk and not groups[-1].brk and _same(groups[-1], span):
            last = groups[-1]
            groups[-1] = _Span(last.text + span.text, last.bold, last.italic, last.link)
        else:
            groups.append(span)
    out: list[str] = []
    for span in groups:
        if span.brk:
            out.append("\n")
            continue
        out.append(_marked(span))
    text = "".join(out)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def _same(a: _Span, b: _Span) -> bool:
    return (a.bold, a.italic, a.link) == (b.bold, b.italic, b.link)


def _marked(span: _Span) -> str:
    core = span.text.strip()
    if not core:
        return span.text
    lead = span.text[: len(span.text) - len(span.text.lstrip())]
    tail = span.text[len(span.text.rstrip()) :]
    if span.italic:
        core = f"*{core}*"
    if span.bold:
        core = f"**{core}**"
    if span.link:
        core = f"[{core}]({span.link})"
    return f"{lead}{core}{tail}"


def _lead(spans: tuple[_Span, ...]) -> tuple[str, tuple[_Span, ...]]:
    """A short bold label starting the paragraph ("Formål:" or a bold line of its own)."""
    bold: list[_Span] = []
    rest = list(spans)
    while rest and (rest[0].bold or not rest[0].text.strip()) and not rest[0].brk:
        bold.append(rest.pop(0))
    label = "".join(s.text for s in bold).strip()
    if not label or not any(s.bold for s in bold):
        return "", spans
    while rest and rest[0].brk:
        rest.pop(0)
    remainder = "".join(s.text for s in rest).strip()
    if label.endswith(":") or remainder.startswith(":"):
        if remainder.startswith(":"):
            first = rest[0]
            rest[0] = _Span(first.text.lstrip()[1:], first.bold, first.italic, first.link)
    elif remainder:
        return "", spans
    label = label.rstrip(":").strip()
    if len(label) > _MAX_LEAD_CHARS or len(label.split()) > _MAX_LEAD_WORDS:
        return "", spans
    return label, tuple(rest)


def _list_markdown(items: list[_Para]) -> str:
    lines: list[str] = []
    counters: dict[int, int] = {}
    for item in items:
        for deeper in [d for d in counters if d > item.depth]:
            del counters[deeper]
        if item.list_kind == "1.":
            counters[item.depth] = counters.get(item.depth, 0) + 1
            marker = f"{counters[item.depth]}."
        else:
            marker = "-"
        indent = "   " * item.depth if item.list_kind == "1." else "  " * item.depth
        text = _markdown(item.spans).replace("\n", " ")
        if text:
            lines.append(f"{indent}{marker} {text}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())
