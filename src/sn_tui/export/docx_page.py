"""The Word document around the content: base document, A4 page, header, footer, properties.

The base is the kommune's own `skabelon.docx` when the content repository has one (its styles,
fonts, page and header with the logo are kept; only its body is emptied), else python-docx's
default document set up as an A4 page. The footer says "Side X af Y" with Word's PAGE and
NUMPAGES fields, which every word processor fills in when it lays out the pages.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

from sn_tui.domain.errors import UserError
from sn_tui.i18n import t

A4 = (Cm(21.0), Cm(29.7))
MARGINS = {"top": Cm(2.5), "bottom": Cm(2.2), "left": Cm(2.5), "right": Cm(2.0)}
_FIELD = "\x00"
_SIZE = Pt(8.5)


class TemplateError(UserError):
    """The kommune's skabelon.docx is not a Word document; the message is one Danish sentence."""


def base_document(template: bytes | None) -> Any:
    """A document to write into: the kommune's template with an empty body, or the default."""
    if template is None:
        return docx.Document()
    try:
        doc = docx.Document(io.BytesIO(template))
    except Exception as exc:  # a zip that is no Word file, or no zip at all
        raise TemplateError(t("paper.bad_template")) from exc
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def set_up_pages(doc: Any, *, template: bool, header: str, footer: str) -> Emu:
    """A4 with the default margins unless a template sets its own; a header and footer where
    the template has none. Returns the width between the margins."""
    section = doc.sections[0]
    if not template:
        section.page_width, section.page_height = A4
        section.top_margin = MARGINS["top"]
        section.bottom_margin = MARGINS["bottom"]
        section.left_margin = MARGINS["left"]
        section.right_margin = MARGINS["right"]
        section.header_distance = section.footer_distance = Cm(1.1)
    if section.header.is_linked_to_previous:
        _small_run(_small(section.header.paragraphs[0]), header)
    if section.footer.is_linked_to_previous:
        paragraph = _small(section.footer.paragraphs[0])
        marked = t("paper.page_of", page=f"{_FIELD}PAGE{_FIELD}", pages=f"{_FIELD}NUMPAGES{_FIELD}")
        for k, part in enumerate(marked.split(_FIELD)):
            if k % 2:
                paragraph._p.append(_field(part))
            elif part:
                _small_run(paragraph, part)
        if footer:
            _small_run(paragraph, f" · {footer}")
    return Emu(section.page_width - section.left_margin - section.right_margin)


def set_properties(doc: Any, *, title: str, author: str, when: dt.datetime | None) -> None:
    """Title, author and dates of the version (never python-docx's template date or 'now')."""
    props = doc.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.comments = ""
    props.language = "da-DK"
    props.revision = 1
    stamp = (when or dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).astimezone(dt.UTC).replace(tzinfo=None)
    props.created = props.modified = stamp
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # the template's picture of another document
            del package.rels[rid]


def app_properties(xml: bytes, kommune: str) -> bytes:
    """docProps/app.xml naming the kommune as the company and sn-tui as the application."""
    text = xml.decode("utf-8")
    company = f"<Company>{_xml_text(kommune)}</Company>"
    pattern = r"<Company\s*/>|<Company>.*?</Company>"
    text = re.sub(pattern, lambda _: company, text, count=1, flags=re.S)  # no \1 in a name
    text = re.sub(r"<Application>.*?</Application>", "<Application>sn-tui</Application>", text)
    return text.encode("utf-8")


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _small(paragraph: Any) -> Any:
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _small_run(paragraph: Any, text: str) -> None:
    paragraph.add_run(text).font.size = _SIZE


def _field(instruction: str) -> Any:
    """A simple field (PAGE, NUMPAGES) with a placeholder result until the pages are laid out."""
    field = OxmlElement("w:fldSimple", attrs={qn("w:instr"): f" {instruction} "})
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    r_pr.append(OxmlElement("w:sz", attrs={qn("w:val"): str(round(_SIZE.pt * 2))}))
    run.append(r_pr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    return field
