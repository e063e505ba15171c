"""Lossless Markdown documents with YAML frontmatter.

A `Document` keeps the exact bytes it was read from. Reading a field or a frontmatter key never
changes anything; writing one splices new text into exactly that field's or key's span, so every
other byte (comments, key order, quoting, blank lines, CRLF, a BOM, a missing final newline)
stays as it was. Plain reads use PyYAML's C loader; the slower round-trip parser (ruamel.yaml) is
only used to locate a key in the one file being written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from sn_tui.domain.simple_yaml import load_simple

BOM = "\ufeff"


@cache
def yaml_loader() -> Any:
    """PyYAML's C loader, ~7x faster than the pure-Python one, which is the fallback where
    libyaml is missing. PyYAML is imported here, on first use (~30 ms): entries that come from
    the parse cache never load it."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_HEADING = re.compile(r"^## +(?P<title>.*?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_MAY_OPEN = frozenset("# `~")  # the first characters a `_HEADING` or a `_FENCE` line can have
_FM_OPEN = re.compile(r"^---[ \t]*$")
_FM_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")


class DocumentError(ValueError):
    """A file that cannot be read as a document at all (encoding, unclosed frontmatter)."""

    def __init__(self, code: str, line: int, detail: str = "") -> None:
        super().__init__(f"{code} (linje {line}) {detail}".strip())
        self.code = code
        self.line = line
        self.detail = detail


class FrontmatterError(ValueError):
    """The YAML between the `---` fences does not parse; `line` is 1-based in the file.

    `code` says what kind of problem (`yaml`: PyYAML's own `detail`; the others are named in
    `sn_tui.domain.bounded_yaml`), for a front end to put in a sentence.
    """

    def __init__(self, line: int, detail: str, code: str = "yaml") -> None:
        super().__init__(f"linje {line}: {detail or code}")
        self.line = line
        self.detail = detail
        self.code = code


@dataclass(frozen=True)
class Section:
    """A `## ` section: its heading and the character span of its content."""

    title: str
    line: int  # 1-based line of the heading
    start: int  # offset of the heading line
    body_start: int  # offset just after the heading line's newline
    end: int  # offset of the next heading, or the end of the text


@dataclass(frozen=True)
class Document:
    """One Markdown file with optional YAML frontmatter, kept byte for byte."""

    text: str  # decoded, without BOM
    bom: bool = False
    newline: str = "\n"
    fm_span: tuple[int, int] | None = None  # offsets of the YAML text between the fences
    fm_first_line: int = 0  # 1-based line of the YAML's first line
    body_start: int = 0
    sections: tuple[Section, ...] = field(default=())

    # ------------------------------------------------------------------ reading
    @classmethod
    def parse(cls, data: bytes | str) -> Document:
        """Split a file into frontmatter and sections; raises `DocumentError` if unreadable."""
        if isinstance(data, bytes):
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = data[: exc.start].count(b"\n") + 1
                raise DocumentError("not_utf8", line) from exc
        else:
            text = data
        bom = text.startswith(BOM)
        if bom:
            text = text[1:]
        newline = "\r\n" if "\r\n" in text else "\n"
        lines = text.splitlines(keepends=True)
        fm_span: tuple[int, int] | None = None
        body_start = 0
        fm_first_line = 0
        index = 0
        if lines and _FM_OPEN.match(lines[0].rstrip("\r\n")):
            offset = len(lines[0])
            for i in range(1, len(lines)):
                if _FM_CLOSE.match(lines[i].rstrip("\r\n")):
                    fm_span = (len(lines[0]), offset)
                    body_start = offset + len(lines[i])
                    fm_first_line = 2
                    index = i + 1
                    break
                offset += len(lines[i])
            else:
                raise DocumentError("fm_unclosed", 1)
        sections = _split_sections(lines, index, body_start)
        return cls(text, bom, newline, fm_span, fm_first_line, body_start, tuple(sections))

    def to_bytes(self) -> bytes:
        return ((BOM if self.bom else "") + self.text).encode("utf-8")

    @property
    def frontmatter_text(self) -> str:
        if self.fm_span is None:
            return ""
        return self.text[self.fm_span[0] : self.fm_span[1]]

    @cached_property
    def meta(self) -> dict[str, Any]:
        """The frontmatter as plain Python data (C loader); raises `FrontmatterError`."""
        if self.fm_span is None:
            return {}
        simple = load_simple(self.frontmatter_text)  # the usual, plain frontmatter, ~3x faster
        if simple is not None:
            return simple
        from sn_tui.domain.bounded_yaml import load_bounded  # it builds on this module

        data = load_bounded(self.frontmatter_text, self.fm_first_line)
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise FrontmatterError(self.fm_first_line, "", code="not-mapping")
        return data

    @property
    def preamble(self) -> str:
        end = self.sections[0].start if self.sections else len(self.text)
        return self.text[self.body_start : end]

    def section(self, title: str) -> Section | None:
        for sec in self.sections:
            if sec.title == title:
                return sec
        return None

    def section_titles(self) -> list[str]:
        return [s.title for s in self.sections]

    def field(self, title: str) -> str | None:
        """The text of a section, newlines as `\\n`, surrounding blank space stripped."""
        sec = self.section(title)
        if sec is None:
            return None
        return normalise(self.text[sec.body_start : sec.end])

    def fields(self, titles: Sequence[str]) -> dict[str, str]:
        return {t: self.field(t) or "" for t in titles}

    def line_of_offset(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    # ------------------------------------------------------------------ writing
    def with_field(self, title: str, value: str) -> Document:
        """A copy where section `title` holds `value`; other bytes untouched.

        A missing section is appended at the end of the body.
        """
        sec = self.section(title)
        nl = self.newline
        if sec is None:
            tail = self.text
            if tail and not tail.endswith(("\n", "\r")):
                tail += nl
            if tail.strip():
                tail += nl
            body = value.strip("\n").replace("\n", nl)
            new_text = f"{tail}## {title}{nl}{nl}{body}{nl}" if body else f"{tail}## {title}{nl}"
            return Document.parse(new_text) if not self.bom else _with_bom(new_text)
        old = self.text[sec.body_start : sec.end]
        if normalise(old) == normalise(value):
            return self
        replacement = _respliced(old, value, nl, is_last=sec is self.sections[-1])
        return self._replaced(sec.body_start, sec.end, replacement)

    def with_preamble(self, value: str) -> Document:
        """A copy whose text before the first section is `value` (blank space kept as it was)."""
        end = self.sections[0].start if self.sections else len(self.text)
        old = self.text[self.body_start : end]
        if normalise(old) == normalise(value):
            return self
        replacement = _respliced(old, value, self.newline, is_last=not self.sections)
        if self.sections and not replacement.endswith(("\n", "\r")):
            replacement += self.newline
        return self._replaced(self.body_start, end, replacement)

    def with_meta(self, key: str | Sequence[str], value: Any) -> Document:
        """A copy where frontmatter key `key` (dotted or a path) holds `value`.

        Only the lines of that key change; a new key is appended to its mapping. `value` may
        be `DELETE` to remove the key.
        """
        path = key.split(".") if isinstance(key, str) else list(key)
        current = _lookup(self.meta, path)
        if current is not _MISSING and current == value and type(current) is type(value):
            return self
        if current is _MISSING and value is DELETE:
            return self
        if self.fm_span is None:
            nl = self.newline
            yaml_text = _render_key_value(path[-1], value, 0, nl, flow_lists=True)
            for depth in range(len(path) - 2, -1, -1):
                inner = "".join("  " + ln for ln in yaml_text.splitlines(keepends=True))
                yaml_text = f"{path[depth]}:{nl}{inner}"
            return self._replaced(0, 0, f"---{nl}{yaml_text}---{nl}")
        start, end, replacement = _meta_splice(self.frontmatter_text, path, value, self.newline)
        base = self.fm_span[0]
        return self._replaced(base + start, base + end, replacement)

    def _replaced(self, start: int, end: int, replacement: str) -> Document:
        new_text = self.text[:start] + replacement + self.text[end:]
        return _with_bom(new_text) if self.bom else Document.parse(new_text)


class _Delete:
    def __repr__(self) -> str:
        return "DELETE"


DELETE: Any = _Delete()
_MISSING: Any = object()


def normalise(text: str) -> str:
    """Field text as the user sees it: `\\n` newlines, no surrounding blank space."""
    return text.replace("\r\n", "\n").strip()


def content_key(text: str) -> str:
    """Text with all runs of white space folded: equal keys mean no change in content."""
    return " ".join(text.split())


def _with_bom(text: str) -> Document:
    doc = Document.parse(text)
    return Document(
        doc.text, True, doc.newline, doc.fm_span, doc.fm_first_line, doc.body_start, doc.sections
    )


def _split_sections(lines: list[str], index: int, offset: int) -> Iterator[Section]:
    in_fence: str | None = None
    pending: tuple[str, int, int, int] | None = None
    pos = offset
    for i in range(index, len(lines)):
        raw = lines[i]
        if raw[:1] not in _MAY_OPEN:  # most lines: neither a heading nor a fence can start here
            pos += len(raw)
            continue
        line = raw.rstrip("\r\n")
        fence = _FENCE.match(line)
        if fence:
            marker = fence.group(1)
            if in_fence is None:
                in_fence = marker[0] * 3
            elif marker.startswith(in_fence):
                in_fence = None
        elif in_fence is None:
            match = _HEADING.match(line)
            if match:
                if pending is not None:
                    yield Section(pending[0], pending[1], pending[2], pending[3], pos)
                pending = (match.group("title"), i + 1, pos, pos + len(raw))
        pos += len(raw)
    if pending is not None:
        yield Section(pending[0], pending[1], pending[2], pending[3], pos)


def _respliced(old: str, value: str, nl: str, *, is_last: bool) -> str:
    """Replace the core of a section's content, keeping its leading and trailing blank space."""
    stripped = old.strip()
    core = value.replace("\r\n", "\n").strip().replace("\n", nl)
    if not stripped:
        if not core:
            return old
        return f"{nl}{core}{nl}" + ("" if is_last else nl)
    lead = old[: old.index(stripped[0])]
    trail = old[len(old.rstrip()) :]
    if not core:  # an emptied field keeps one blank line before the next heading
        return "" if is_last else nl
    return f"{lead}{core}{trail}"


def _lookup(data: Any, path: Sequence[str]) -> Any:
    cur = data
    for part in path:
        if not isinstance(cur, dict) or part not in cur:
            return _MISSING
        cur = cur[part]
    return cur


# --------------------------------------------------------------------- frontmatter splicing
def _rt_load(text: str) -> Any:
    from ruamel.yaml import YAML  # imported here: only the file being written pays for it

    return YAML(typ="rt").load(text)


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            offsets.append(i + 1)
    return offsets


def _key_spans(node: Any, end_line: int) -> dict[str, tuple[int, int, int]]:
    """Map each key of a round-trip mapping to (first line, line after its span, column)."""
    keys = list(node.keys())
    starts = [(node.lc.key(k)[0], node.lc.key(k)[1]) for k in keys]
    spans: dict[str, tuple[int, int, int]] = {}
    for i, k in enumerate(keys):
        following = [s[0] for s in starts[i + 1 :] if s[0] > starts[i][0]]
        spans[k] = (starts[i][0], min(following) if following else end_line, starts[i][1])
    return spans


def _trim_span(lines: list[str], first: int, stop: int) -> int:
    """Drop trailing blank and comment-only lines from a key's span: they belong to no key."""
    while stop - 1 > first:
        stripped = lines[stop - 1].strip()
        if stripped and not stripped.startswith("#"):
            break
        stop -= 1
    return stop


def _meta_splice(yaml_text: str, path: Sequence[str], value: Any, nl: str) -> tuple[int, int, str]:
    root = _rt_load(yaml_text) if yaml_text.strip() else None
    lines = yaml_text.splitlines(keepends=True)
    offsets = _line_offsets(yaml_text)
    if len(offsets) <= len(lines):
        offsets.append(len(yaml_text))
    node = root
    span_end = len(lines)
    indent = 0
    child_indent: int | None = None
    for depth, part in enumerate(path):
        is_leaf = depth == len(path) - 1
        if node is None or not hasattr(node, "lc"):
            break
        spans = _key_spans(node, span_end)
        if part not in spans:
            if spans:
                child_indent = next(iter(spans.values()))[2]
            break
        first, stop, col = spans[part]
        stop = _trim_span(lines, first, stop)
        if is_leaf:
            if value is DELETE:
                return offsets[first], offsets[stop], ""
            rendered = _render_key_value(
                part,
                value,
                col,
                nl,
                flow_lists=_is_flow(node[part]),
                seq_indent=_seq_indent(lines, first, stop, col),
            )
            return offsets[first], offsets[stop], _keep_line_comment(lines[first], rendered, nl)
        node = node[part]
        span_end = stop
        indent = col
        child_indent = None
    else:  # pragma: no cover - loop always returns or breaks
        raise AssertionError
    # The key (or one of its parents) is missing: append it at the end of the deepest mapping.
    missing = list(path[depth:])
    col = child_indent if child_indent is not None else (indent + 2 if depth else 0)
    rendered = _render_key_value(missing[-1], value, col + 2 * (len(missing) - 1), nl)
    for i in range(len(missing) - 2, -1, -1):
        rendered = " " * (col + 2 * i) + f"{missing[i]}:{nl}" + rendered
    insert_line = _trim_span(lines, 0, span_end) if depth else len(lines)
    at = offsets[insert_line] if insert_line < len(offsets) else len(yaml_text)
    prefix = "" if at == 0 or yaml_text[at - 1] == "\n" else nl
    return at, at, prefix + rendered


def yaml_with(text: str, path: Sequence[str], value: Any) -> str:
    """A whole YAML file (a mapping) where key `path` holds `value` (or `DELETE`): only that
    key's lines change, as in frontmatter (`Document.with_meta`)."""
    nl = "\r\n" if "\r\n" in text else "\n"
    start, end, replacement = _meta_splice(text, path, value, nl)
    return text[:start] + replacement + text[end:]


def _is_flow(node: Any) -> bool:
    fa = getattr(node, "fa", None)
    return bool(fa is not None and fa.flow_style())


def _seq_indent(lines: list[str], first: int, stop: int, col: int) -> int:
    for line in lines[first + 1 : stop]:
        stripped = line.lstrip(" ")
        if stripped.startswith("- ") or stripped.rstrip() == "-":
            return len(line) - len(stripped)
    return col + 2


def _keep_line_comment(line: str, rendered: str, nl: str) -> str:
    """Carry an end-of-line comment on the key's line over to the new value's first line."""
    comment = _inline_comment(line)
    if not comment:
        return rendered
    first, sep, rest = rendered.partition(nl)
    if "#" in first or first.rstrip().endswith(":"):
        return rendered
    return first + comment + sep + rest


def _inline_comment(line: str) -> str:
    body = line.rstrip("\r\n")
    quote: str | None = None
    for i, ch in enumerate(body):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and i > 0 and body[i - 1] in " \t":
            j = i
            while j > 0 and body[j - 1] in " \t":
                j -= 1
            return body[j:]
    return ""


def _scalar(value: Any) -> str:
    import yaml

    dumped: str = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9)
    dumped = dumped.rstrip("\n")
    if dumped.endswith("\n..."):
        dumped = dumped[:-4]
    return dumped.rstrip("\n")


def _render_key_value(
    key: str,
    value: Any,
    col: int,
    nl: str,
    *,
    flow_lists: bool = True,
    seq_indent: int | None = None,
) -> str:
    pad = " " * col
    if isinstance(value, dict):
        if not value:
            return f"{pad}{key}: {{}}{nl}"
        inner = "".join(_render_key_value(str(k), v, col + 2, nl) for k, v in value.items())
        return f"{pad}{key}:{nl}{inner}"
    if isinstance(value, list | tuple):
        items = list(value)
        if flow_lists or not items or any(isinstance(v, dict | list) for v in items):
            return f"{pad}{key}: [{', '.join(_scalar(v) for v in items)}]{nl}"
        dash = " " * (seq_indent if seq_indent is not None else col + 2)
        return f"{pad}{key}:{nl}" + "".join(f"{dash}- {_scalar(v)}{nl}" for v in items)
    return f"{pad}{key}: {_scalar(value)}{nl}"
