"""Indsats files that cannot be read, and why, in one Danish sentence each.

The repository is edited with plain git too, so a malformed file on main is normal life: it is
set aside with its line and a sentence, and everything else is read as usual. Every reader
(`check`, lists, exports, comparisons, the overview) gets the same `Unreadable` records, so what
one output leaves out, it says it left out. The sentences are in Danish like every `Finding`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sn_tui.domain.document import Document, DocumentError, FrontmatterError
from sn_tui.domain.entry import Indsats
from sn_tui.domain.fields import FIELDS, INDSATS_DIR

if TYPE_CHECKING:
    from sn_tui.domain.checks.findings import Finding

MAX_FILE_BYTES = 1024 * 1024
"""A whole indsats is a few KB; a file above this is not read (nor checked, nor exported)."""
MAX_FIELD_CHARS = 20_000
"""One field of an indsats (~6 pages; a real one is a few KB): the rules, the word diff and a
Word export of the most heavily formatted such field each stay under a second or two."""
MAX_META_CHARS = 1_000
"""`titel`, `kategori`, `id`: a line in a list, not a text."""


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A content file (an indsats, `serviceniveau.md`), or an entry of `indsatser/`, that
    could not be read: where, and why."""

    path: str
    line: int
    code: str  # as a check finding's code
    message: str  # one Danish sentence

    def as_finding(self) -> Finding:
        from sn_tui.domain.checks.findings import Finding  # the check's: not at start-up

        return Finding(self.path, self.line, "error", self.code, self.message)


def read_indsats(data: bytes, path: str, blob: str = "") -> Indsats | Unreadable:
    """The indsats in `data`, or why it cannot be read."""
    try:
        doc = parse_bounded(data)
        entry = Indsats.from_document(doc, path, blob)
    except (DocumentError, FrontmatterError) as exc:
        return problem_of(path, exc)
    return oversized(path, doc, entry) or entry


def parse_bounded(data: bytes) -> Document:
    """`Document.parse` of a file that passes `raw_problem` (else its `DocumentError`)."""
    problem = raw_problem(data)
    if problem is not None:
        raise problem
    return Document.parse(data)


def raw_problem(data: bytes) -> DocumentError | None:
    """A file above `MAX_FILE_BYTES` (too_large), or with NUL bytes: binary data, which no
    editor of Markdown writes and git itself takes for a binary file (nul)."""
    if len(data) > MAX_FILE_BYTES:
        return DocumentError("too_large", 1, str(len(data)))
    nul = data.find(b"\0")
    if nul >= 0:
        return DocumentError("nul", data.count(b"\n", 0, nul) + 1)
    return None


def problem_of(path: str, exc: DocumentError | FrontmatterError) -> Unreadable:
    """Why the file at `path` cannot be read, from the error reading it raised."""
    if isinstance(exc, FrontmatterError):
        return Unreadable(path, exc.line, "yaml", yaml_message(exc))
    if exc.code == "too_large":
        return Unreadable(path, 1, "file-too-large", too_large_message(int(exc.detail)))
    if exc.code == "not_utf8":
        return Unreadable(path, exc.line, "not-utf8", "Filen er ikke gemt som UTF-8.")
    if exc.code == "nul":
        message = "Filen indeholder NUL-tegn (binære data), som ikke hører hjemme i en tekst."
        return Unreadable(path, exc.line, "nul-bytes", message)
    message = "Frontmatter er ikke afsluttet med en linje med '---'."
    return Unreadable(path, exc.line, "frontmatter-unclosed", message)


def oversized(path: str, doc: Document, entry: Indsats | None = None) -> Unreadable | None:
    """A field or a frontmatter value of an indsats beyond its cap, with a sentence."""
    fields = entry.fields if entry is not None else doc.fields(FIELDS)
    for key in ("id", "titel", "kategori"):
        value = doc.meta.get(key)
        if value is not None and len(str(value)) > MAX_META_CHARS:
            message = (
                f"'{key}' fylder {_count(len(str(value)))} tegn; "
                f"den må højst fylde {_count(MAX_META_CHARS)}."
            )
            return Unreadable(path, max(doc.fm_first_line, 1), "meta-too-long", message)
    for name in FIELDS:
        if len(fields.get(name, "")) > MAX_FIELD_CHARS:
            section = doc.section(name)
            line = section.line if section is not None else 1
            message = (
                f"Feltet '{name}' fylder {_count(len(fields[name]))} tegn; "
                f"et felt må højst fylde {_count(MAX_FIELD_CHARS)}."
            )
            return Unreadable(path, line, "field-too-large", message)
    return None


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def too_large_message(size: int) -> str:
    return f"Filen fylder {_count(size)} byte; en fil må højst fylde 1 MiB."


_YAML_MESSAGES: Mapping[str, str] = {
    "yaml-value": "Værdien '{detail}' kan ikke læses (fx en dato, der ikke findes, "
    "eller et tal, der ikke er et tal).",
    "yaml-aliases": "YAML-aliaser (*navn) udvider frontmatter ud over enhver rimelig størrelse; "
    "skriv værdierne ud.",
    "yaml-too-deep": "Frontmatter er indlejret for dybt til at kunne læses.",
    "yaml-too-large": "Frontmatter fylder {detail} tegn; det må højst fylde 256 KiB.",
    "not-mapping": "Frontmatter skal være nøgler med værdier (id: …, titel: …).",
    "not-utf8": "Filen er ikke gemt som UTF-8.",
}


def yaml_message(exc: FrontmatterError) -> str:
    """One Danish sentence for a frontmatter (or YAML file) that cannot be read."""
    template = _YAML_MESSAGES.get(exc.code)
    if template is None:  # PyYAML's own words name the problem best
        return f"YAML kan ikke læses: {exc.detail}."
    detail = _count(int(exc.detail)) if exc.code == "yaml-too-large" else exc.detail
    return template.format(detail=detail)


def listing_problems(folder: Iterable[tuple[str, bool]]) -> list[Unreadable]:
    """Entries of `indsatser/` (name, is a folder) that look like an indsats but can never be
    read as one: `x.MD`, `.md`, a folder named `x.md`."""
    problems: list[Unreadable] = []
    for name, is_folder in folder:
        if not name.lower().endswith(".md"):
            continue
        path = f"{INDSATS_DIR}/{name}"
        if is_folder:
            message = f"'{name}' er en mappe; en indsats skal være en fil."
            problems.append(Unreadable(path, 1, "indsats-name", message))
        elif not name.endswith(".md") or name == ".md":
            message = (
                f"Filnavnet '{name}' læses ikke som en indsats; "
                "det skal være id'et med små bogstaver og '.md', fx familiebehandling.md."
            )
            problems.append(Unreadable(path, 1, "indsats-name", message))
    return problems


def folder_is_file() -> Unreadable:
    message = f"'{INDSATS_DIR}' er en fil, ikke en mappe; ingen indsatser kan læses."
    return Unreadable(INDSATS_DIR, 1, "indsatser-not-folder", message)


def keep_unique(
    entries: Iterable[Indsats],
) -> tuple[dict[str, Indsats], list[Unreadable]]:
    """Entries by id; a second file with an id already taken is set aside (naming the
    first), so no output quietly shows one in place of the other."""
    out: dict[str, Indsats] = {}
    twins: list[Unreadable] = []
    # the file named after the id keeps it, wherever it sorts (stable: else path order)
    for entry in sorted(entries, key=lambda e: not e.path.endswith(f"/{e.id}.md")):
        first = out.get(entry.id)
        if first is None:
            out[entry.id] = entry
            continue
        message = f"Id '{entry.id}' bruges også i {first.path}; filen er udeladt."
        twins.append(Unreadable(entry.path, 1, "id-duplicate", message))
    return out, twins
