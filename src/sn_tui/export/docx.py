"""A Word file from an outline; a comparison's changes become real tracked changes.

Insertions are `w:ins` runs, deletions `w:del` runs holding `w:delText`, each with `w:id`,
`w:author` and (where the version has one) `w:date`, so the committee secretary can accept or
reject them in Word. A line break that was added or removed is a tracked paragraph mark. A moved
paragraph is deleted at its old place and inserted at its new one, and both ends carry a Word
comment saying where the other end is. The file's bytes depend only on the outline: no clock.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

from sn_tui.domain.diff.types import Op, OpKind
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
from sn_tui.export.spans import Line, flatten, lines
from sn_tui.i18n import t

_MARKDOWN = MarkdownIt("commonmark", {"html": False})
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
_NAME_WIDTH = Cm(4.5)
_TEXT_WIDTH = Cm(12.0)
Container = Any  # a python-docx Document or table cell: anything with add_paragraph()


def render_docx(outline: Outline, *, author: str) -> bytes:
    """The outline as .docx bytes; `author` signs the tracked changes and the file."""
    writer = _Writer(outline, author)
    for block in outline.blocks:
        writer.block(block)
    return writer.save()


class _Writer:
    def __init__(self, outline: Outline, author: str) -> None:
        self.doc = docx.Document()
        self.author = author
        self.date = outline.date
        self.next_id = _FIRST_CHANGE_ID
        self._style_ids: dict[str, str] = {}
        self._prepare(outline.title)

    # ------------------------------------------------------------------ document
    def _prepare(self, title: str) -> None:
        props = self.doc.core_properties
        props.title = title
        props.author = self.author
        props.last_modified_by = self.author
        props.comments = ""
        props.language = "da-DK"
        props.revision = 1
        if self.date is not None:
            props.created = props.modified = self.date.astimezone(dt.UTC).replace(tzinfo=None)
        package = self.doc.part.package
        for rid, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:  # the template's picture of another document
                del package.rels[rid]
        r_pr = self.doc.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
        if r_pr is not None and r_pr.find(qn("w:rPr")) is not None:
            r_pr.find(qn("w:rPr")).append(_el("w:lang", {"w:val": "da-DK"}))
        self.doc.styles["Normal"].font.size = Pt(10.5)

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return _stable_zip(out.getvalue())

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

    def _style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
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
        table: Table = self.doc.add_table(rows=rows, cols=2)
        table._tbl.tblPr.style = self._style_id("Table Grid")
        table.autofit = False
        table.columns[0].width = _NAME_WIDTH
        table.columns[1].width = _TEXT_WIDTH
        for row in table.rows:
            row.cells[0].width = _NAME_WIDTH
            row.cells[1].width = _TEXT_WIDTH
        self.doc.add_paragraph()
        return table

    # ------------------------------------------------------------------ Markdown
    def markdown_into(self, container: Container, text: str) -> None:
        """The kommune's Markdown as Word paragraphs: paragraphs, bullet and numbered lists,
        bold and italic, headings as bold paragraphs, code in a fixed-width font."""
        lists: list[str] = []
        first = container.paragraphs[0] if isinstance(container, _Cell) else None
        tokens = _MARKDOWN.parse(text)
        for k, token in enumerate(tokens):
            if token.type in ("bullet_list_open", "ordered_list_open"):
                lists.append("List Bullet" if token.type == "bullet_list_open" else "List Number")
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif token.type in ("inline", "fence", "code_block"):
                style = None
                if lists:
                    depth = min(len(lists), 3)
                    style = lists[-1] + (f" {depth}" if depth > 1 else "")
                if first is not None:
                    paragraph, first = first, None
                    if style:
                        self.set_style(paragraph, style)
                else:
                    paragraph = self.paragraph(container, style=style)
                if token.type == "inline":
                    heading = k > 0 and tokens[k - 1].type == "heading_open"
                    _inline_into(paragraph, token.children or [], bold=heading)
                else:
                    run = paragraph.add_run(_safe(token.content.rstrip("\n")))
                    run.font.name = "Consolas"

    # ------------------------------------------------------------------ tracked changes
    def diff_into(self, cell: _Cell, ops: Sequence[Op]) -> None:
        """A field's diff as tracked changes, one Word paragraph per line of text.

        Empty lines get no paragraph (the spacing shows them), so the mark after a paragraph
        stands for every line break up to the next one: tracked as inserted or deleted only
        when all of those breaks were.
        """
        paragraph: DocxParagraph | None = None
        breaks: list[OpKind] = []
        for line in lines(flatten(ops, detail=False)):
            if any(span.text for span in line.spans):
                if paragraph is None:
                    paragraph = cell.paragraphs[0]
                else:
                    self._mark(paragraph, breaks)
                    paragraph = cell.add_paragraph()
                self._line_into(paragraph, line)
                breaks = []
            if line.end is not None and paragraph is not None:
                breaks.append(line.end)

    def _line_into(self, paragraph: DocxParagraph, line: Line) -> None:
        p = paragraph._p
        for span in line.spans:
            if not span.text:
                continue
            run = _run(span.text, deleted=span.kind in ("delete", "moved-from"))
            tag = _TRACKED.get(span.kind)
            element = run if tag is None else self._tracked(tag, run)
            p.append(element)
            if span.note:
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


def _run(text: str, *, deleted: bool) -> Any:
    element = _el("w:delText" if deleted else "w:t", {"xml:space": "preserve"})
    element.text = _safe(text)
    return _el("w:r", {}, element)


def _name_cell(cell: _Cell, name: str) -> None:
    cell.paragraphs[0].add_run(_safe(name)).bold = True


def _safe(text: str) -> str:
    """Text Word can store: characters XML forbids are dropped."""
    return _NOT_XML.sub("", text)


# ---------------------------------------------------------------------- Markdown
def _inline_into(paragraph: DocxParagraph, children: Sequence[Token], *, bold: bool) -> None:
    strong = 1 if bold else 0
    em = 0
    for child in children:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            em += 1
        elif kind == "em_close":
            em -= 1
        elif kind == "softbreak":
            paragraph.add_run(" ")
        elif kind == "hardbreak":
            paragraph.add_run().add_break()
        elif kind in ("text", "code_inline", "html_inline") or (kind == "image" and child.content):
            run = paragraph.add_run(_safe(child.content))
            run.bold = strong > 0 or None
            run.italic = em > 0 or None
            if kind == "code_inline":
                run.font.name = "Consolas"


# ---------------------------------------------------------------------- packaging
def _stable_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry times, so equal documents are equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
