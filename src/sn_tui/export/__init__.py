"""Markdown, HTML, DOCX, JSON and text renderings of comparisons and of the whole serviceniveau.

`render_comparison` and `render_document` are the only entry points. Each format's module is
imported on first use, so importing this package costs nothing at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from sn_tui.i18n import t

if TYPE_CHECKING:
    from sn_tui.domain.diff.types import Comparison
    from sn_tui.domain.snapshot import Snapshot
    from sn_tui.export.outline import Outline

COMPARISON_FORMATS: Final[tuple[str, ...]] = ("text", "md", "html", "docx", "pdf", "json")
DOCUMENT_FORMATS: Final[tuple[str, ...]] = ("md", "html", "docx", "pdf")


class UnknownFormat(ValueError):
    """A format name the renderer does not know; the message is one Danish sentence."""


def render_comparison(
    comp: Comparison,
    fmt: str,
    *,
    color: bool = False,
    author: str | None = None,
    template: bytes | None = None,
) -> bytes:
    """A comparison as a file's bytes (UTF-8 for the text formats).

    `color` adds ANSI colours to `text`. `author` names the tracked changes in `docx` when
    version B is not adopted (a draft); an adopted B's changes carry its adopter's name.
    `template` is the kommune's skabelon.docx, the base of a `docx`.
    """
    _check(fmt, COMPARISON_FORMATS)
    if fmt == "json":
        from sn_tui.export.comparison_json import render_json

        return render_json(comp).encode()
    from sn_tui.export.outline import comparison_outline

    outline = comparison_outline(comp)
    adoption = comp.b.adoption
    name = adoption.adopter_name if adoption is not None else ""
    return render_outline(
        outline, fmt, author=name or author or "sn-tui", template=template, color=color
    )


def render_document(snapshot: Snapshot, fmt: str, *, template: bytes | None = None) -> bytes:
    """The whole serviceniveau at one version, in the template's form (`template`: the
    kommune's skabelon.docx, the base of a `docx`)."""
    _check(fmt, DOCUMENT_FORMATS)
    from sn_tui.export.outline import document_outline

    outline = document_outline(snapshot)
    return render_outline(outline, fmt, author=outline.kommune or "sn-tui", template=template)


def render_outline(
    outline: Outline,
    fmt: str,
    *,
    author: str,
    template: bytes | None = None,
    color: bool = False,
) -> bytes:
    """Any outline (a comparison, a document, a dagsordenpunkt) in any of the page formats;
    `author` signs a Word file and its tracked changes."""
    if fmt in ("docx", "pdf"):
        from sn_tui.export.docx import render_docx

        def word() -> bytes:
            return render_docx(outline, author=author, template=template)

        if fmt == "docx":
            return word()
        from sn_tui.export.html import render_html
        from sn_tui.export.pdf import render_pdf

        return render_pdf(lambda: render_html(outline), word, outline.date)
    if fmt == "md":
        from sn_tui.export.markdown import render_markdown

        return render_markdown(outline).encode()
    if fmt == "html":
        from sn_tui.export.html import render_html

        return render_html(outline).encode()
    from sn_tui.export.text import render_text

    return render_text(outline, color=color).encode()


def _check(fmt: str, choices: tuple[str, ...]) -> None:
    if fmt not in choices:
        raise UnknownFormat(t("export.unknown_format", fmt=fmt, choices=", ".join(choices)))
