"""A Word file from an outline; a comparison's changes become real tracked changes.

Insertions are `w:ins` runs, deletions `w:del` runs holding `w:delText`, each with `w:id`,
`w:author` and (where the version has one) `w:date`, so the committee secretary can accept or
reject them in Word. A line break that was added or removed is a tracked paragraph mark. A moved
paragraph is deleted at its old place and inserted at its new one, and both ends carry a Word
comment saying where the other end is. The kommune's Markdown is drawn (headings bold, lists
as Word lists that each count from their own start, bold, italic, links, line breaks), in a
diff as in the full export. The page, header, footer and properties are `docx_page`'s. The
file's bytes depend only on the outline: no clock.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

from sn_tui.domain.diff.types import Op, OpKind
from sn_tui.export.docx_page import app_properties, base_document, set_properties, set_up_pages
from sn_tui.export.marked import MarkedLine, mark_lines
from sn_tui.export.outline import (
    Block,
    DiffTable,
    Facts,
    FieldTable,
    Heading,
    Legend,
    Markdown,
    Outline,
    Paragraph,
    Title,
)
from sn_tui.export.spans import flatten, lines
from sn_tui.i18n import t

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "breaks": True})
_INLINE_TEXT = frozenset({"text", "code_inline", "html_inline"})
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TRACKED: dict[OpKind, str] = {
    "insert": "w:ins",
    "moved-to": "w:ins",
    "delete": "w:del",
    "moved-from": "w:del",
}
# Tracked-change ids are kept clear of the comment ids python-docx hands out from 0.
_FIRST_CHANGE_ID = 10_000
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_NAME_WIDTH = Cm(4.3)
_CELL_MARGIN = 108  # twips: the default left and right padding of a table cell (0.19 cm)
Container = Any  # a python-docx Document or table cell: anything with add_paragraph()


def render_docx(outline: Outline, *, author: str, template: bytes | None = None) -> bytes:
    """The outline as .docx bytes; `author` signs the tracked changes and the file. `template`
    is the kommune's skabelon.docx, used as the base document when given."""
    writer = _Writer(outline, author, template)
    for block in outline.blocks:
        writer.block(block)
    return writer.save()


class _Writer:
    def __init__(self, outline: Outline, author: str, template: bytes | None) -> None:
        self.doc = base_document(template)
        self.author = author
        self.kommune = outline.kommune
        self.date = outline.date
        self.next_id = _FIRST_CHANGE_ID
        self._style_ids: dict[str, str | None] = {}
        self._numbering: Any = None
        header = " · ".join(part for part in (outline.kommune, outline.title) if part)
        width = set_up_pages(
            self.doc, template=template is not None, header=header, footer=outline.edition
        )
        self.name_width = min(_NAME_WIDTH, Emu(int(width * 0.3)))
        self.text_width = Emu(width - self.name_width - Twips(_CELL_MARGIN))
        set_properties(self.doc, title=outline.title, author=author, when=self.date)
        r_pr = self.doc.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
        if r_pr is not None and r_pr.find(qn("w:rPr")) is not None:
            r_pr.find(qn("w:rPr")).append(_el("w:lang", {"w:val": "da-DK"}))
        if template is None:
            self.doc.styles["Normal"].font.size = Pt(10.5)

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return _stable_zip(out.getvalue(), self.kommune)

    def paragraph(
        self, container: Container, text: str = "", style: str | None = None
    ) -> DocxParagraph:
        """A new paragraph; styles are looked up once (python-docx scans them on every use)."""
        paragraph: DocxParagraph = container.add_paragraph(_safe(text))
        if style is not None:
            self.set_style(paragraph, style)
        return paragraph

    def set_style(self, paragraph: DocxParagraph, style: str) -> None:
        paragraph._p.style = self._style_id(style)

    def _style_id(self, name: str) -> str | None:
        """The style's id; None where a kommune's template lacks it (Normal is used then)."""
        if name not in self._style_ids:
            try:
                self._style_ids[name] = self.doc.styles[name].style_id
            except KeyError:
                self._style_ids[name] = None
        return self._style_ids[name]

    # ------------------------------------------------------------------ blocks
    def block(self, block: Block) -> None:
        doc = self.doc
        if isinstance(block, Title):
            self.paragraph(doc, block.text, "Title")
            if block.subtitle:
                self.paragraph(doc, block.subtitle, "Subtitle")
        elif isinstance(block, Heading):
            heading = self.paragraph(doc, block.text, f"Heading {min(block.level - 1, 9)}")
            heading.paragraph_format.keep_with_next = True
            if block.page_break:
                heading.paragraph_format.page_break_before = True
        elif isinstance(block, Facts):
            table = self._table(len(block.rows))
            for row, (name, value) in zip(table.rows, block.rows, strict=True):
                _name_cell(row.cells[0], name)
                row.cells[1].paragraphs[0].add_run(_safe(value))
        elif isinstance(block, Paragraph):
            self.paragraph(doc, block.text)
        elif isinstance(block, Markdown):
            self.markdown_into(doc, block.text)
        elif isinstance(block, FieldTable):
            table = self._table(len(block.rows) + 1)
            _name_cell(table.rows[0].cells[0], t("export.field"))
            _name_cell(table.rows[0].cells[1], t("export.description"))
            for row, (name, text) in zip(table.rows[1:], block.rows, strict=True):
                _name_cell(row.cells[0], name)
                self.markdown_into(row.cells[1], text)
        elif isinstance(block, DiffTable):
            table = self._table(len(block.rows))
            for row, (name, ops) in zip(table.rows, block.rows, strict=True):
                _name_cell(row.cells[0], name)
                self.diff_into(row.cells[1], ops)
        else:
            assert isinstance(block, Legend)
            self.paragraph(doc, t("export.docx_legend"))

    def _table(self, rows: int) -> Table:
        """A two-column table exactly as wide as the text between the margins."""
        table: Table = self.doc.add_table(rows=rows, cols=2)
        tbl_pr = table._tbl.tblPr
        tbl_pr.style = self._style_id("Table Grid")
        table.autofit = False  # a fixed layout: Word keeps the widths given here
        width = tbl_pr.find(qn("w:tblW"))
        if width is not None:
            width.set(qn("w:type"), "dxa")
            width.set(qn("w:w"), str(Emu(self.name_width + self.text_width).twips))
            # Word and LibreOffice draw a table's border one cell margin left of its text:
            # indent it by that margin, so the borders, not only the text, stay inside.
            width.addnext(_el("w:tblInd", {"w:w": str(_CELL_MARGIN), "w:type": "dxa"}))
        table.columns[0].width = self.name_width
        table.columns[1].width = self.text_width
        for row in table.rows:
            row.cells[0].width = self.name_width
            row.cells[1].width = self.text_width
        self.doc.add_paragraph()
        return table

    # ------------------------------------------------------------------ Markdown
    def markdown_into(self, container: Container, text: str) -> None:
        """The kommune's Markdown as Word paragraphs: paragraphs, bullet and numbered lists
        (each numbered list counting from its own start), bold and italic, links, line breaks
        kept, headings as bold paragraphs, code in a fixed-width font."""
        lists: list[tuple[str, str | None]] = []  # (list style, the numbered list's w:num)
        first = container.paragraphs[0] if isinstance(container, _Cell) else None
        tokens = _MARKDOWN.parse(text)
        for k, token in enumerate(tokens):
            if token.type == "bullet_list_open":
                lists.append((_list_style("List Bullet", len(lists) + 1), None))
            elif token.type == "ordered_list_open":
                numbered = _list_style("List Number", len(lists) + 1)
                start = int(token.attrGet("start") or 1)
                lists.append((numbered, self._new_list(numbered, start)))
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif token.type in ("inline", "fence", "code_block"):
                style: str | None = lists[-1][0] if lists else None
                num = lists[-1][1] if lists else None
                if first is not None:
                    paragraph, first = first, None
                    if style:
                        self.set_style(paragraph, style)
                else:
                    paragraph = self.paragraph(container, style=style)
                if num is not None:
                    _number(paragraph, num)
                if token.type == "inline":
                    heading = k > 0 and tokens[k - 1].type == "heading_open"
                    self._inline_into(paragraph, token.children or [], bold=heading)
                else:
                    run = paragraph.add_run(_safe(token.content.rstrip("\n")))
                    run.font.name = "Consolas"

    def _inline_into(
        self, paragraph: DocxParagraph, children: Sequence[Token], *, bold: bool
    ) -> None:
        strong = 1 if bold else 0
        em = 0
        link: Any = None
        for child in children:
            kind = child.type
            if kind in ("strong_open", "strong_close"):
                strong += 1 if kind == "strong_open" else -1
            elif kind in ("em_open", "em_close"):
                em += 1 if kind == "em_open" else -1
            elif kind == "link_open":
                link = self._hyperlink(paragraph, str(child.attrGet("href") or ""))
            elif kind == "link_close":
                link = None
            elif kind in ("softbreak", "hardbreak"):  # a line break the writer made is kept
                paragraph.add_run().add_break()
            elif kind in _INLINE_TEXT or (kind == "image" and child.content):
                element = _run(
                    child.content,
                    bold=strong > 0,
                    italic=em > 0,
                    code=kind == "code_inline",
                    link=link is not None,
                )
                (paragraph._p if link is None else link).append(element)

    def _hyperlink(self, paragraph: DocxParagraph, href: str) -> Any:
        """A `w:hyperlink` to `href` at the end of the paragraph, for the link's runs."""
        rid = self.doc.part.relate_to(href, RT.HYPERLINK, is_external=True)
        element = _el("w:hyperlink", {"r:id": rid})
        paragraph._p.append(element)
        return element

    def _new_list(self, style: str, start: int) -> str | None:
        """A numbering instance of the style's list that counts from `start`, so a numbered
        list never continues the one before it; None where the style has no numbering."""
        style_id = self._style_id(style)
        if style_id is None:
            return None
        num_id = self.doc.styles.element.xpath(
            f'w:style[@w:styleId="{style_id}"]/w:pPr/w:numPr/w:numId/@w:val'
        )
        if not num_id:
            return None
        numbering = self.doc.part.numbering_part.element
        abstract = numbering.xpath(f'w:num[@w:numId="{num_id[0]}"]/w:abstractNumId/@w:val')
        if not abstract:
            return None
        num = numbering.add_num(int(abstract[0]))
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return str(num.numId)

    # ------------------------------------------------------------------ tracked changes
    def diff_into(self, cell: _Cell, ops: Sequence[Op]) -> None:
        """A field's diff as tracked changes, one Word paragraph per line of text, its
        Markdown drawn as in the full export (headings bold, lists as lists, marks as runs).

        Empty lines get no paragraph (the spacing shows them), so the mark after a paragraph
        stands for every line break up to the next one: tracked as inserted or deleted only
        when all of those breaks were.
        """
        paragraph: DocxParagraph | None = None
        breaks: list[OpKind] = []
        num: str | None = None
        for line in mark_lines(lines(flatten(ops, detail=False))):
            if any(piece.text or piece.span.note for piece in line.pieces):
                if paragraph is None:
                    paragraph = cell.paragraphs[0]
                else:
                    self._mark(paragraph, breaks)
                    paragraph = cell.add_paragraph()
                if line.kind in ("bullet", "number"):
                    base = "List Bullet" if line.kind == "bullet" else "List Number"
                    style = _list_style(base, line.level + 1)
                    self.set_style(paragraph, style)
                    if line.kind == "number":
                        if num is None:
                            num = self._new_list(style, line.number)
                        if num is not None:
                            _number(paragraph, num)
                    else:
                        num = None
                else:
                    num = None
                self._line_into(paragraph, line)
                breaks = []
            if line.line.end is not None and paragraph is not None:
                breaks.append(line.line.end)

    def _line_into(self, paragraph: DocxParagraph, line: MarkedLine) -> None:
        p = paragraph._p
        heading = line.kind == "heading"
        for piece in line.pieces:
            span = piece.span
            if piece.text:
                run = _run(
                    piece.text,
                    deleted=span.kind in ("delete", "moved-from"),
                    bold=piece.bold or heading,
                    italic=piece.italic,
                    code=piece.code,
                    link=bool(piece.href),
                )
                tag = _TRACKED.get(span.kind)
                element = run if tag is None else self._tracked(tag, run)
                p.append(element)
            else:
                element = None
            if span.note and element is not None:
                self._comment(p, element, span.note)

    def _mark(self, paragraph: DocxParagraph, breaks: Sequence[OpKind]) -> None:
        """Track the paragraph mark as inserted (a break only in B) or deleted (only in A)."""
        in_a = any(_TRACKED.get(kind) != "w:ins" for kind in breaks)
        in_b = any(_TRACKED.get(kind) != "w:del" for kind in breaks)
        if in_a == in_b:
            return
        mark = self._tracked("w:ins" if in_b else "w:del")
        paragraph._p.get_or_add_pPr().append(_el("w:rPr", {}, mark))

    def _tracked(self, tag: str, *runs: Any) -> Any:
        """A `w:ins`/`w:del` element signed with the author and the version's date."""
        attrs = {"w:id": str(self.next_id), "w:author": self.author}
        self.next_id += 1
        if self.date is not None:
            attrs["w:date"] = self.date.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return _el(tag, attrs, *runs)

    def _comment(self, p: Any, element: Any, note: str) -> None:
        comment = self.doc.comments.add_comment(_safe(note), author=self.author, initials="")
        elm = comment._comment_elm  # python-docx stamps 'now'; use the version's date or none
        if self.date is None:
            elm.attrib.pop(qn("w:date"), None)
        else:
            elm.date = self.date
        ident = {"w:id": str(comment.comment_id)}
        end = _el("w:commentRangeEnd", ident)
        element.addprevious(_el("w:commentRangeStart", ident))
        element.addnext(end)
        style = _el("w:rPr", {}, _el("w:rStyle", {"w:val": "CommentReference"}))
        end.addnext(_el("w:r", {}, style, _el("w:commentReference", ident)))


def _el(tag: str, attrs: dict[str, str], *children: Any) -> Any:
    element = OxmlElement(tag, attrs={qn(k): v for k, v in attrs.items()})
    element.extend(children)
    return element


def _run(
    text: str,
    *,
    deleted: bool = False,
    bold: bool = False,
    italic: bool = False,
    code: bool = False,
    link: bool = False,
) -> Any:
    props = []
    if code:
        props.append(_el("w:rFonts", {"w:ascii": "Consolas", "w:hAnsi": "Consolas"}))
    if bold:
        props.append(_el("w:b", {}))
    if italic:
        props.append(_el("w:i", {}))
    if link:
        props += [_el("w:color", {"w:val": "0563C1"}), _el("w:u", {"w:val": "single"})]
    element = _el("w:delText" if deleted else "w:t", {"xml:space": "preserve"})
    element.text = _safe(text)
    return _el("w:r", {}, *([_el("w:rPr", {}, *props)] if props else []), element)


def _list_style(base: str, depth: int) -> str:
    """`List Number`, `List Number 2`, `List Number 3` by how deep the list is nested."""
    depth = min(depth, 3)
    return base + (f" {depth}" if depth > 1 else "")


def _number(paragraph: DocxParagraph, num: str) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = int(num)


def _name_cell(cell: _Cell, name: str) -> None:
    cell.paragraphs[0].add_run(_safe(name)).bold = True


def _safe(text: str) -> str:
    """Text Word can store: characters XML forbids are dropped."""
    return _NOT_XML.sub("", text)


# ---------------------------------------------------------------------- packaging
def _stable_zip(data: bytes, kommune: str) -> bytes:
    """Rewrite the package with fixed entry times, so equal documents are equal bytes; the
    extended properties name the kommune (python-docx has no API for them)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/app.xml":
                content = app_properties(content, kommune)
            target.writestr(entry, content)
    return out.getvalue()
