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

COMPARISON_FORMATS: Final[tuple[str, ...]] = ("text", "md", "html", "docx", "json")
DOCUMENT_FORMATS: Final[tuple[str, ...]] = ("md", "html", "docx")


class UnknownFormat(ValueError):
    """A format name the renderer does not know; the message is one Danish sentence."""


def render_comparison(
    comp: Comparison, fmt: str, *, color: bool = False, author: str | None = None
) -> bytes:
    """A comparison as a file's bytes (UTF-8 for the text formats).

    `color` adds ANSI colours to `text`. `author` names the tracked changes in `docx` when
    version B is not adopted (a draft); an adopted B's changes carry its adopter's name.
    """
    _check(fmt, COMPARISON_FORMATS)
    if fmt == "json":
        from sn_tui.export.comparison_json import render_json

        return render_json(comp).encode()
    from sn_tui.export.outline import comparison_outline

    outline = comparison_outline(comp)
    if fmt == "docx":
        from sn_tui.export.docx import render_docx

        adoption = comp.b.adoption
        name = adoption.adopter_name if adoption is not None else ""
        return render_docx(outline, author=name or author or "sn-tui")
    return _render_text_format(outline, fmt, color=color)


def render_document(snapshot: Snapshot, fmt: str) -> bytes:
    """The whole serviceniveau at one version, in the template's form."""
    _check(fmt, DOCUMENT_FORMATS)
    from sn_tui.export.outline import document_outline

    outline = document_outline(snapshot)
    if fmt == "docx":
        from sn_tui.export.docx import render_docx

        kommune = snapshot.serviceniveau.kommune if snapshot.serviceniveau else ""
        return render_docx(outline, author=kommune or "sn-tui")
    return _render_text_format(outline, fmt)


def _render_text_format(outline: Outline, fmt: str, *, color: bool = False) -> bytes:
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
