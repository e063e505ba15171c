"""Typed, read-only views of the repository's files: an indsats, the serviceniveau, people, groups.

These are what the rest of the program reads. They are built from a `Document` (for Markdown
files) or from plain YAML, cheaply, and never written back: writing goes through `Document`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sn_tui.domain.bounded_yaml import load_bounded
from sn_tui.domain.document import BOM, Document, FrontmatterError
from sn_tui.domain.fields import DOCUMENT_SECTIONS, FIELDS


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _str_tuple(value: Any) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    if isinstance(value, str) and value:
        return (value,)
    return ()


@dataclass(frozen=True)
class Indsats:
    """One indsats as read: frontmatter essentials plus the eight fields' text."""

    id: str
    titel: str
    kategori: str
    faggrupper: tuple[str, ...]
    budget_kr: int | None
    forventet_antal: int | None
    fields: Mapping[str, str]
    meta: Mapping[str, Any] = field(default_factory=dict)
    path: str = ""
    blob: str = ""  # Git blob id of the file this was read from, where known

    @classmethod
    def from_document(cls, doc: Document, path: str = "", blob: str = "") -> Indsats:
        return cls.from_parts(doc.meta, doc.fields(FIELDS), path, blob)

    @classmethod
    def from_parts(
        cls, meta: Mapping[str, Any], fields: Mapping[str, str], path: str = "", blob: str = ""
    ) -> Indsats:
        okonomi = meta.get("økonomi")
        okonomi = okonomi if isinstance(okonomi, dict) else {}
        stem = path.rsplit("/", 1)[-1].removesuffix(".md") if path else ""
        return cls(
            id=str(meta.get("id") or stem),
            titel=str(meta.get("titel") or ""),
            kategori=str(meta.get("kategori") or ""),
            faggrupper=_str_tuple(meta.get("faggrupper")),
            budget_kr=_int_or_none(okonomi.get("budget_kr")),
            forventet_antal=_int_or_none(okonomi.get("forventet_antal")),
            fields=dict(fields),
            meta=meta,
            path=path,
            blob=blob,
        )

    @classmethod
    def parse(cls, data: bytes | str, path: str = "", blob: str = "") -> Indsats:
        return cls.from_document(Document.parse(data), path, blob)

    @property
    def lovhjemmel(self) -> str:
        return self.fields.get("Lovhjemmel", "")

    @property
    def pris_pr_barn(self) -> int | None:
        if self.budget_kr is None or not self.forventet_antal:
            return None
        return round(self.budget_kr / self.forventet_antal)


@dataclass(frozen=True)
class Serviceniveau:
    """`serviceniveau.md`: the kommune, the title, Forord and Principper."""

    kommune: str
    titel: str
    sections: Mapping[str, str]
    meta: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def parse(cls, data: bytes | str) -> Serviceniveau:
        doc = Document.parse(data)
        return cls.from_parts(doc.meta, doc.fields(DOCUMENT_SECTIONS))

    @classmethod
    def from_parts(cls, meta: Mapping[str, Any], sections: Mapping[str, str]) -> Serviceniveau:
        return cls(
            kommune=str(meta.get("kommune") or ""),
            titel=str(meta.get("titel") or ""),
            sections=dict(sections),
            meta=meta,
        )


@dataclass(frozen=True)
class Faggruppe:
    id: str
    navn: str


@dataclass(frozen=True)
class Person:
    login: str
    navn: str
    email: str
    faggrupper: tuple[str, ...] = ()
    roller: tuple[str, ...] = ()

    def has_role(self, *roles: str) -> bool:
        return any(r in self.roller for r in roles)


@dataclass(frozen=True)
class Adgang:
    """`adgang.yml`: who may do what, and the repository's review rules."""

    personer: Mapping[str, Person]
    regler: Mapping[str, Any] = field(default_factory=dict)

    def person(self, login: str) -> Person | None:
        return self.personer.get(login)


def load_yaml(data: bytes | str) -> Any:
    """Plain YAML read with the C loader and its bounds; raises `FrontmatterError` with a
    1-based line."""
    text = data
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FrontmatterError(data[: exc.start].count(b"\n") + 1, "", "not-utf8") from exc
    return load_bounded(str(text).removeprefix(BOM))


def parse_faggrupper(data: bytes | str) -> list[Faggruppe]:
    return faggrupper_from(load_yaml(data))


def faggrupper_from(raw: Any) -> list[Faggruppe]:
    """`faggrupper.yml` from its YAML data (a list, or a mapping with `faggrupper:`)."""
    raw = raw or []
    if isinstance(raw, dict):
        raw = raw.get("faggrupper", [])
    groups: list[Faggruppe] = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and item.get("id"):
            groups.append(Faggruppe(str(item["id"]), str(item.get("navn") or item["id"])))
    return groups


def parse_adgang(data: bytes | str) -> Adgang:
    return adgang_from(load_yaml(data))


def adgang_from(raw: Any) -> Adgang:
    """`adgang.yml` from its YAML data."""
    raw = raw or {}
    people_raw = raw.get("personer", {}) if isinstance(raw, dict) else {}
    personer: dict[str, Person] = {}
    for login, info in (people_raw if isinstance(people_raw, dict) else {}).items():
        info = info if isinstance(info, dict) else {}
        personer[str(login)] = Person(
            login=str(login),
            navn=str(info.get("navn") or login),
            email=str(info.get("email") or f"{login}@localhost"),
            faggrupper=_str_tuple(info.get("faggrupper")),
            roller=_str_tuple(info.get("roller")),
        )
    regler = raw.get("regler", {}) if isinstance(raw, dict) else {}
    return Adgang(personer, regler if isinstance(regler, dict) else {})
