"""A source document as the mapping sees it, whatever its format: headings, paragraphs (as
Markdown, with a bold lead-in label where the paragraph starts with one) and two-column rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Heading:
    level: int  # 1 the highest
    text: str


@dataclass(frozen=True)
class Text:
    """A paragraph or a list as Markdown; `lead` is a short bold label it started with."""

    markdown: str
    lead: str = ""


@dataclass(frozen=True)
class Row:
    """A table row: the label (the left cell's first line) and the right cell as Markdown."""

    label: str
    markdown: str


Block = Heading | Text | Row


@dataclass(frozen=True)
class Source:
    """One source file read: its blocks and what the reader noticed (Danish-neutral codes,
    e.g. ("tracked", 3), ("comments", 2)). `title` is the page or file title, the fallback
    for an indsats with no heading of its own; `meta` a Markdown file's frontmatter."""

    name: str
    blocks: tuple[Block, ...]
    title: str = ""
    notices: tuple[tuple[str, int], ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)
