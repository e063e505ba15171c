"""Structural validation of a whole content repository: each problem as a `Finding` with its line.

Pure: it receives the files (path -> bytes) and knows nothing of Git. Legal and language rules
live in `sn_tui.domain.checks.legal` and are added by the caller.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from typing import Any

import yaml

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.document import Document, DocumentError, FrontmatterError, yaml_loader
from sn_tui.domain.entry import load_yaml
from sn_tui.domain.fields import (
    ADGANG_FILE,
    DOCUMENT_SECTIONS,
    ECONOMY_KEYS,
    FAGGRUPPER_FILE,
    FIELDS,
    ID_PATTERN,
    INDSATS_DIR,
    SERVICENIVEAU_FILE,
)
from sn_tui.domain.rights import ROLES
from sn_tui.domain.unreadable import (
    Unreadable,
    folder_is_file,
    listing_problems,
    oversized,
    problem_of,
    raw_problem,
)

_ID = re.compile(rf"^{ID_PATTERN}$")
_CONFLICT = re.compile(r"^(<{7}|>{7})(?: |$)")

DocumentCheck = Callable[[str, Document], list[Finding]]


def _err(path: str, line: int, code: str, message: str, field: str | None = None) -> Finding:
    return Finding(path, line, "error", code, message, field)


def key_lines(doc: Document) -> dict[str, int]:
    """1-based file line of each frontmatter key, dotted for nested keys."""
    if doc.fm_span is None:
        return {}
    try:
        node = yaml.compose(doc.frontmatter_text, Loader=yaml_loader())
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}

    def walk(n: Any, prefix: str) -> None:
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                if isinstance(k, yaml.ScalarNode):
                    dotted = f"{prefix}{k.value}"
                    lines[dotted] = doc.fm_first_line + k.start_mark.line
                    walk(v, dotted + ".")

    walk(node, "")
    return lines


class _KeyLines:
    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._lines: dict[str, int] | None = None

    def get(self, key: str, default: int) -> int:
        if self._lines is None:
            self._lines = key_lines(self._doc)
        return self._lines.get(key, default)


def validate_repository(
    files: Mapping[str, bytes],
    *,
    indsats_checks: tuple[DocumentCheck, ...] = (),
    serviceniveau_checks: tuple[DocumentCheck, ...] = (),
) -> list[Finding]:
    """Every structural problem in the repository's files, sorted by path and line."""
    findings: list[Finding] = []
    readable: dict[str, bytes] = {}
    for path, data in files.items():
        if not _is_content(path):
            continue
        problem = raw_problem(data)
        if problem is not None:
            findings.append(problem_of(path, problem).as_finding())
            continue
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            not_utf8 = DocumentError("not_utf8", data[: exc.start].count(b"\n") + 1)
            findings.append(problem_of(path, not_utf8).as_finding())
            continue
        markers = _conflict_markers(path, data)
        findings.extend(markers)
        if not markers:
            readable[path] = data
    findings.extend(u.as_finding() for u in _misfiled(files))
    groups, group_findings = _faggrupper(readable)
    findings.extend(group_findings)
    findings.extend(_adgang(readable, groups))
    findings.extend(_serviceniveau(readable, serviceniveau_checks))
    findings.extend(_indsatser(readable, groups, indsats_checks))
    return sorted(findings, key=lambda f: (f.path, f.line, f.code))


def _misfiled(files: Mapping[str, bytes]) -> list[Unreadable]:
    """`indsatser` as a file, and entries in it that can never be read as an indsats."""
    if INDSATS_DIR in files:
        return [folder_is_file()]
    entries: dict[str, bool] = {}
    for path in files:
        if path.startswith(f"{INDSATS_DIR}/"):
            name, sep, _rest = path[len(INDSATS_DIR) + 1 :].partition("/")
            entries[name] = bool(sep) or entries.get(name, False)
    return listing_problems(entries.items())


def _is_content(path: str) -> bool:
    return path in (SERVICENIVEAU_FILE, FAGGRUPPER_FILE, ADGANG_FILE) or (
        path.startswith(f"{INDSATS_DIR}/") and path.endswith(".md")
    )


def _conflict_markers(path: str, data: bytes) -> list[Finding]:
    return [
        _err(
            path,
            i,
            "merge-conflict",
            "Filen indeholder en rest af en Git-konflikt (<<<<<<< eller >>>>>>>); ret den til.",
        )
        for i, line in enumerate(data.decode("utf-8").splitlines(), start=1)
        if _CONFLICT.match(line)
    ]


def _yaml_finding(path: str, exc: FrontmatterError) -> Finding:
    return problem_of(path, exc).as_finding()


def _faggrupper(files: Mapping[str, bytes]) -> tuple[set[str] | None, list[Finding]]:
    """The known group ids (None if the file is missing or unreadable) and its problems."""
    data = files.get(FAGGRUPPER_FILE)
    if data is None:
        message = "faggrupper.yml mangler; den skal liste faggrupperne med id og navn."
        return None, [_err(FAGGRUPPER_FILE, 1, "file-missing", message)]
    try:
        raw = load_yaml(data)
    except FrontmatterError as exc:
        return None, [_yaml_finding(FAGGRUPPER_FILE, exc)]
    if isinstance(raw, dict):
        raw = raw.get("faggrupper")
    if not isinstance(raw, list):
        message = "faggrupper.yml skal være en liste af faggrupper med id og navn."
        return None, [_err(FAGGRUPPER_FILE, 1, "faggrupper-format", message)]
    ids: set[str] = set()
    findings: list[Finding] = []
    for item in raw:
        ident = str(item.get("id", "")) if isinstance(item, dict) else ""
        line = _line_of(data, f"id: {ident}") if ident else 1
        if not _ID.match(ident):
            findings.append(
                _err(
                    FAGGRUPPER_FILE,
                    line,
                    "faggruppe-id",
                    f"Faggruppen '{ident}' har et ugyldigt id; brug kun a-z, 0-9 og bindestreg.",
                )
            )
        elif ident in ids:
            message = f"Faggruppen '{ident}' står mere end én gang."
            findings.append(_err(FAGGRUPPER_FILE, line, "faggruppe-duplicate", message))
        elif not (isinstance(item, dict) and item.get("navn")):
            message = f"Faggruppen '{ident}' mangler et navn."
            findings.append(_err(FAGGRUPPER_FILE, line, "faggruppe-navn", message))
        ids.add(ident)
    return ids, findings


def _line_of(data: bytes, needle: str) -> int:
    index = data.find(needle.encode())
    return 1 if index < 0 else data.count(b"\n", 0, index) + 1


def _adgang(files: Mapping[str, bytes], groups: set[str] | None) -> list[Finding]:
    data = files.get(ADGANG_FILE)
    if data is None:
        message = "adgang.yml mangler; uden den kan ingen gemme eller godkende."
        return [_err(ADGANG_FILE, 1, "file-missing", message)]
    try:
        raw = load_yaml(data)
    except FrontmatterError as exc:
        return [_yaml_finding(ADGANG_FILE, exc)]
    personer = raw.get("personer") if isinstance(raw, dict) else None
    if not isinstance(personer, dict):
        message = "adgang.yml skal have en mapping 'personer' fra login til navn, e-mail og roller."
        return [_err(ADGANG_FILE, 1, "adgang-format", message)]
    findings: list[Finding] = []
    for login, info in personer.items():
        line = _line_of(data, f"{login}:")
        if not isinstance(info, dict):
            message = f"Personen '{login}' skal have navn, email, faggrupper og roller."
            findings.append(_err(ADGANG_FILE, line, "adgang-person", message))
            continue
        for key in ("navn",):  # e-mail is optional (commits then use login@localhost)
            if not info.get(key):
                message = f"Personen '{login}' mangler '{key}'."
                findings.append(_err(ADGANG_FILE, line, "adgang-person", message))
        for group in info.get("faggrupper") or []:
            if groups is not None and str(group) not in groups:
                message = f"Personen '{login}' er med i en ukendt faggruppe '{group}'."
                findings.append(_err(ADGANG_FILE, line, "unknown-faggruppe", message))
        for role in info.get("roller") or []:
            if role not in ROLES:
                known = ", ".join(ROLES)
                message = f"Personen '{login}' har en ukendt rolle '{role}' (kendte: {known})."
                findings.append(_err(ADGANG_FILE, line, "adgang-rolle", message))
    return findings


def _parse_document(path: str, data: bytes) -> tuple[Document | None, list[Finding]]:
    try:
        doc = Document.parse(data)
        doc.meta  # noqa: B018 - parse now to report YAML errors with their line
    except (DocumentError, FrontmatterError) as exc:
        return None, [problem_of(path, exc).as_finding()]
    return doc, []


def _sections(path: str, doc: Document, expected: tuple[str, ...]) -> list[Finding]:
    """Missing, duplicated, misordered, misspelled and unknown `## ` headings; empty sections."""
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    present = [s for s in doc.sections if s.title in expected]
    missing = [t for t in expected if t not in {s.title for s in doc.sections}]
    for sec in doc.sections:
        if sec.title in expected:
            if sec.title in seen:
                message = (
                    f"Overskriften '{sec.title}' står to gange (også linje {seen[sec.title]})."
                )
                findings.append(_err(path, sec.line, "section-duplicate", message, sec.title))
            else:
                seen[sec.title] = sec.line
            continue
        close = difflib.get_close_matches(sec.title, missing, n=1, cutoff=0.6)
        if close:
            message = f"Overskriften '{sec.title}' er stavet forkert; den skal hedde '{close[0]}'."
            findings.append(_err(path, sec.line, "section-misspelled", message, close[0]))
            missing.remove(close[0])
        else:
            names = ", ".join(expected)
            message = f"Ukendt overskrift '{sec.title}'; felterne er: {names}."
            findings.append(_err(path, sec.line, "section-unknown", message))
    for title in missing:
        line = doc.line_of_offset(doc.body_start)
        message = f"Feltet '{title}' mangler (en overskrift '## {title}')."
        findings.append(_err(path, line, "section-missing", message, title))
    order = [s.title for s in present if seen.get(s.title) == s.line]
    expected_order = [t for t in expected if t in order]
    if order != expected_order:
        first_wrong = next(s for s, e in zip(present, expected_order, strict=False) if s.title != e)
        message = (
            f"Felterne står i forkert rækkefølge; rækkefølgen skal være: {', '.join(expected)}."
        )
        findings.append(_err(path, first_wrong.line, "section-order", message, first_wrong.title))
    for sec in present:
        if not doc.text[sec.body_start : sec.end].strip():
            message = f"Feltet '{sec.title}' er tomt."
            findings.append(_err(path, sec.line, "field-empty", message, sec.title))
    return findings


def _serviceniveau(files: Mapping[str, bytes], checks: tuple[DocumentCheck, ...]) -> list[Finding]:
    path = SERVICENIVEAU_FILE
    data = files.get(path)
    if data is None:
        message = "serviceniveau.md mangler; den skal rumme forord og principper."
        return [_err(path, 1, "file-missing", message)]
    doc, findings = _parse_document(path, data)
    if doc is None:
        return findings
    if not str(doc.meta.get("kommune") or "").strip():
        message = "serviceniveau.md mangler 'kommune' i frontmatter."
        findings.append(_err(path, max(doc.fm_first_line, 1), "meta-missing", message))
    findings.extend(_sections(path, doc, DOCUMENT_SECTIONS))
    for check in checks:
        findings.extend(check(path, doc))
    return findings


def _indsatser(
    files: Mapping[str, bytes], groups: set[str] | None, checks: tuple[DocumentCheck, ...]
) -> list[Finding]:
    findings: list[Finding] = []
    ids: dict[str, str] = {}
    for path in sorted(p for p in files if p.startswith(f"{INDSATS_DIR}/")):
        doc, problems = _parse_document(path, files[path])
        findings.extend(problems)
        if doc is None:
            continue
        too_large = oversized(path, doc)
        if too_large is not None:  # not read anywhere else, and the rules would take long
            findings.append(too_large.as_finding())
            continue
        findings.extend(_meta(path, doc, groups, ids))
        findings.extend(_sections(path, doc, FIELDS))
        for check in checks:
            findings.extend(check(path, doc))
    return findings


def _meta(path: str, doc: Document, groups: set[str] | None, ids: dict[str, str]) -> list[Finding]:
    findings: list[Finding] = []
    meta = doc.meta
    lines = _KeyLines(doc)  # composed only when a finding needs a line
    top = max(doc.fm_first_line, 1)
    if doc.fm_span is None:
        message = (
            "Filen mangler frontmatter (id, titel, kategori, faggrupper, økonomi) mellem '---'."
        )
        return [_err(path, 1, "frontmatter-missing", message)]
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    ident = meta.get("id")
    if ident is None:
        findings.append(_err(path, top, "meta-missing", "Frontmatter mangler 'id'."))
    elif not _ID.match(str(ident)):
        message = f"Id '{ident}' er ugyldigt; brug kun små bogstaver a-z, tal og bindestreg."
        findings.append(_err(path, lines.get("id", top), "id-invalid", message))
    elif str(ident) != stem:
        message = f"Id '{ident}' passer ikke med filnavnet; filen skal hedde {ident}.md."
        findings.append(_err(path, lines.get("id", top), "id-stem", message))
    if ident is not None:
        if str(ident) in ids:
            message = f"Id '{ident}' bruges også i {ids[str(ident)]}."
            findings.append(_err(path, lines.get("id", top), "id-duplicate", message))
        else:
            ids[str(ident)] = path
    for key in ("titel", "kategori"):
        if isinstance(meta.get(key), dict | list):
            message = f"'{key}' skal være en tekst, ikke en liste eller nøgler med værdier."
            findings.append(_err(path, lines.get(key, top), "meta-type", message))
        elif not str(meta.get(key) or "").strip():
            message = f"Frontmatter mangler '{key}'."
            findings.append(_err(path, lines.get(key, top), "meta-missing", message))
    fag = meta.get("faggrupper")
    if not isinstance(fag, list) or not fag:
        message = "Frontmatter mangler 'faggrupper': de faggrupper, der skal godkende indsatsen."
        findings.append(_err(path, lines.get("faggrupper", top), "meta-missing", message))
    elif groups is not None:
        for group in fag:
            if str(group) not in groups:
                message = f"Ukendt faggruppe '{group}'; den står ikke i faggrupper.yml."
                line = lines.get("faggrupper", top)
                findings.append(_err(path, line, "unknown-faggruppe", message))
    okonomi = meta.get("økonomi")
    if not isinstance(okonomi, dict):
        message = "Frontmatter mangler 'økonomi' med budget_kr og forventet_antal."
        findings.append(_err(path, lines.get("økonomi", top), "meta-missing", message))
    else:
        for key in ECONOMY_KEYS:
            value = okonomi.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                message = (
                    f"'økonomi.{key}' skal være et helt tal (kr. eller antal), ikke '{value}'."
                )
                line = lines.get(f"økonomi.{key}", lines.get("økonomi", top))
                findings.append(_err(path, line, "meta-okonomi", message))
    return findings
