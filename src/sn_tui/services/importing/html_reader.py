"""A web page saved from a kommune's site (.html) as blocks: only the main content.

The page is parsed into a small tree (the standard library's HTMLParser), the main content is
chosen (`main`, `role=main`, an `article`, or the element named content/main/article), and
navigation, breadcrumbs, cookie banners, headers, footers, forms and scripts are left out.
Headings stay headings, paragraphs and lists become Markdown (bold, italic, links), two-column
tables and definition lists become rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

from sn_tui.domain.importing.blocks import Block, Heading, Row, Source, Text

_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "col", "area", "base"}
_DROP_TAGS = {
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "svg", "iframe", "select", "dialog", "figure",
}  # fmt: skip
_DROP_NAMES = re.compile(
    r"cookie|consent|breadcrumb|crumb|banner|navigation|\bnav\b|menu|footer|header|sidebar|"
    r"share|social|skip|related|feedback|search|print|toolbar|pagination",
    re.IGNORECASE,
)
_MAIN_NAMES = re.compile(r"(^|[-_ ])(content|main|article|page-body|body-text)([-_ ]|$)", re.I)
_HEADING = re.compile(r"^h([1-6])$")
_BLOCK_TAGS = {"p", "ul", "ol", "table", "dl", "div", "section", "article", "main", "blockquote"}
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
_MAX_LEAD_WORDS = 8
_LIST_ITEM = re.compile(r"(-|\d+\.) ")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)

    def names(self) -> str:
        return " ".join(self.attrs.get(k, "") for k in ("id", "class", "role"))

    def elements(self) -> Iterator[_Node]:
        for child in self.children:
            if isinstance(child, _Node):
                yield child

    def walk(self) -> Iterator[_Node]:
        yield self
        for child in self.elements():
            yield from child.walk()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs})
        if tag == "p":  # a new paragraph ends an open one, as browsers do
            self._close("p", stop={"div", "td", "th", "li", "section", "article", "main"})
        if tag == "li":
            self._close("li", stop={"ul", "ol"})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        self._close(tag, stop=set())

    def _close(self, tag: str, stop: set[str]) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
            if self.stack[i].tag in stop:
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def read_html(name: str, text: str) -> Source:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    root = builder.root
    title = next((n.text().strip() for n in root.walk() if n.tag == "title"), "")
    base = next((n.attrs.get("href", "") for n in root.walk() if n.tag == "base"), "")
    main = _main(root)
    writer = _Writer(base)
    blocks = list(writer.blocks(main))
    h1 = next((b.text for b in blocks if isinstance(b, Heading) and b.level == 1), "")
    return Source(name, tuple(blocks), h1 or _page_title(title))


def _page_title(title: str) -> str:
    """ "Familiebehandling | Eksempel Kommune" -> "Familiebehandling"."""
    return re.split(r"\s+[|–—-]\s+", _SPACE.sub(" ", title).strip())[0]


def _main(root: _Node) -> _Node:
    body = next((n for n in root.walk() if n.tag == "body"), root)
    found = [n for n in body.walk() if n.tag == "main" or n.attrs.get("role") == "main"]
    if found:
        return found[0]
    articles = [n for n in body.walk() if n.tag == "article" and not _dropped(n)]
    if len(articles) == 1:
        return articles[0]
    named = [n for n in body.walk() if _MAIN_NAMES.search(n.names()) and not _dropped(n)]
    if named:
        return max(named, key=lambda n: len(_kept_text(n)))
    return body


def _dropped(node: _Node) -> bool:
    if node.tag in _DROP_TAGS:
        return True
    if "hidden" in node.attrs or node.attrs.get("aria-hidden") == "true":
        return True
    names = node.names()
    return bool(names.strip()) and bool(_DROP_NAMES.search(names)) and not _MAIN_NAMES.search(names)


def _kept_text(node: _Node) -> str:
    return "".join(
        c if isinstance(c, str) else ("" if _dropped(c) else _kept_text(c)) for c in node.children
    )


class _Writer:
    def __init__(self, base: str) -> None:
        self.base = base

    def blocks(self, node: _Node) -> Iterator[Block]:
        loose: list[_Node | str] = []
        for child in node.children:
            if isinstance(child, _Node) and _dropped(child):
                continue
            if isinstance(child, _Node) and (
                child.tag in _BLOCK_TAGS or _HEADING.match(child.tag) or child.tag in ("li",)
            ):
                yield from self.loose(loose)
                loose = []
                yield from self.block(child)
            else:
                loose.append(child)
        yield from self.loose(loose)

    def loose(self, nodes: list[_Node | str]) -> Iterator[Block]:
        holder = _Node("p", children=list(nodes))
        yield from self.paragraph(holder)

    def block(self, node: _Node) -> Iterator[Block]:
        heading = _HEADING.match(node.tag)
        if heading:
            text = _clean(self.inline(node, plain=True))
            if text:
                yield Heading(int(heading.group(1)), text)
        elif node.tag == "p":
            yield from self.paragraph(node)
        elif node.tag in ("ul", "ol"):
            text = self.list(node, 0)
            if text:
                yield Text(text)
        elif node.tag == "table":
            yield from self.table(node)
        elif node.tag == "dl":
            yield from self.definitions(node)
        else:
            yield from self.blocks(node)

    def paragraph(self, node: _Node) -> Iterator[Block]:
        first = next((c for c in node.children if not (isinstance(c, str) and not c.strip())), None)
        if isinstance(first, _Node) and first.tag in ("strong", "b"):
            label = _clean(first.text())
            rest = _Node("p", children=node.children[node.children.index(first) + 1 :])
            remainder = _clean(self.inline(rest))
            if (label.endswith(":") or remainder.startswith(":") or not remainder) and len(
                label.split()
            ) <= _MAX_LEAD_WORDS:
                yield Text(remainder.lstrip(":").strip(), label.rstrip(":").strip())
                return
        text = _clean(self.inline(node))
        if text:
            yield Text(text)

    def inline(self, node: _Node, plain: bool = False) -> str:
        out: list[str] = []
        for child in node.children:
            if isinstance(child, str):
                out.append(_SPACE.sub(" ", child))
                continue
            if _dropped(child):
                continue
            inner = self.inline(child, plain)
            tag = child.tag
            if tag == "br":
                out.append("\n")
            elif plain or not inner.strip():
                out.append(inner)
            elif tag in ("strong", "b"):
                out.append(_wrap(inner, "**"))
            elif tag in ("em", "i"):
                out.append(_wrap(inner, "*"))
            elif tag == "a" and child.attrs.get("href", "").strip():
                href = child.attrs["href"].strip()
                if href.startswith("#") or href.lower().startswith("javascript:"):
                    out.append(inner)
                else:
                    out.append(f"[{inner.strip()}]({urljoin(self.base, href)})")
            elif tag in ("ul", "ol"):
                out.append("\n" + self.list(child, 0) + "\n")
            elif tag in ("p", "div"):
                out.append("\n\n" + inner + "\n\n")
            else:
                out.append(inner)
        return "".join(out)

    def list(self, node: _Node, depth: int) -> str:
        lines: list[str] = []
        number = 0
        for item in node.elements():
            if item.tag != "li" or _dropped(item):
                continue
            number += 1
            marker = f"{number}." if node.tag == "ol" else "-"
            nested = [c for c in item.elements() if c.tag in ("ul", "ol")]
            own = _Node("li", children=[c for c in item.children if c not in nested])
            text = " ".join(_clean(self.inline(own)).split("\n"))
            indent = ("   " if node.tag == "ol" else "  ") * depth
            lines.append(f"{indent}{marker} {text}")
            lines.extend(self.list(sub, depth + 1) for sub in nested)
        return "\n".join(line for line in lines if line.strip())

    def table(self, node: _Node) -> Iterator[Block]:
        for row in (n for n in node.walk() if n.tag == "tr"):
            cells = [c for c in row.elements() if c.tag in ("td", "th")]
            texts = [_clean(self.inline(c)) for c in cells]
            if len(texts) >= 2:
                yield Row(_clean(self.inline(cells[0], plain=True)), "\n\n".join(texts[1:]))
            elif texts and texts[0]:
                yield Text(texts[0])

    def definitions(self, node: _Node) -> Iterator[Block]:
        label = ""
        for item in node.elements():
            if item.tag == "dt":
                label = _clean(self.inline(item, plain=True))
            elif item.tag == "dd":
                yield Row(label, _clean(self.inline(item)))


def _wrap(text: str, mark: str) -> str:
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{tail}"


def _clean(text: str) -> str:
    """Spaces collapsed, each line trimmed, at most one blank line between paragraphs."""
    lines = [_indent(line) + " ".join(line.split()) for line in text.split("\n")]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return out.strip()


def _indent(line: str) -> str:
    """The indentation of a nested list item, kept; any other line's is dropped."""
    bare = line.lstrip(" ")
    return line[: len(line) - len(bare)] if _LIST_ITEM.match(bare) else ""
