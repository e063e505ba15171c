"""The table of field names: which of the eight fields (or Forord, Principper, the title, the
economy) a source's heading or label means. The words are data (`data/import/synonymer.yml`,
extended by the kommune's `import.yml`); this module only compares them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sn_tui.domain.fields import DOCUMENT_SECTIONS, FIELDS

Kind = Literal["field", "document", "title", "economy"]
ECONOMY = "økonomi"  # a piece's target when it is the economic frame, not a field
TITLE = "titel"

_NUMBERING = re.compile(r"^\s*(\d+(\.\d+)*\.?|[a-z]\))\s+", re.IGNORECASE)
_PUNCT = re.compile(r"[^\w/ ]+")
_SPACE = re.compile(r"\s+")
_CLOSE_ENOUGH = 0.86
_MAX_PREFIX_WORDS = 6


class SynonymError(ValueError):
    """The synonym data does not have the expected shape; the message names where."""


@dataclass(frozen=True)
class Match:
    kind: Kind
    name: str  # the field or section; TITLE or ECONOMY for those kinds
    exact: bool  # False: a near spelling or a longer label starting with a known word


def normalise(label: str) -> str:
    """A label as compared: no numbering, punctuation (but `/`), case or extra space."""
    text = _NUMBERING.sub("", label.strip())
    text = _PUNCT.sub(" ", text.casefold())
    return _SPACE.sub(" ", text.replace(" / ", "/")).strip()


class Synonyms:
    """The shipped table joined with a kommune's additions (the same keys, more words)."""

    def __init__(self, tables: Iterable[Mapping[str, Any]]) -> None:
        self._exact: dict[str, Match] = {}
        self._plain: set[str] = set()
        self._header: set[str] = set()
        self._guidance: list[re.Pattern[str]] = []
        self._page_facts: list[re.Pattern[str]] = []
        for table in tables:
            self._add(table)
        self._single = {
            key: match
            for key, match in self._exact.items()
            if " " not in key and "/" not in key and match.kind != "title"
        }

    def _add(self, table: Mapping[str, Any]) -> None:
        sections: tuple[tuple[str, Kind, tuple[str, ...]], ...] = (
            ("felter", "field", FIELDS),
            ("dokument", "document", DOCUMENT_SECTIONS),
        )
        for key, kind, known in sections:
            groups = table.get(key) or {}
            if not isinstance(groups, Mapping):
                raise SynonymError(key)
            for name, words in groups.items():
                if name not in known:
                    raise SynonymError(f"{key}.{name}")
                for word in _words(words, f"{key}.{name}"):
                    self._exact[normalise(word)] = Match(kind, str(name), True)
        for word in _words(table.get("titel"), "titel"):
            self._exact[normalise(word)] = Match("title", TITLE, True)
        for word in _words(table.get("oekonomi"), "oekonomi"):
            self._exact[normalise(word)] = Match("economy", ECONOMY, True)
        plain = _words(table.get("ikke_kategori"), "ikke_kategori")
        self._plain.update(normalise(w) for w in plain)
        self._header.update(normalise(w) for w in _words(table.get("tabelhoved"), "tabelhoved"))
        for key, patterns in (("vejledning", self._guidance), ("sidefakta", self._page_facts)):
            for pattern in _words(table.get(key), key):
                try:
                    patterns.append(re.compile(pattern, re.IGNORECASE))
                except re.error as exc:
                    raise SynonymError(f"{key}: {pattern}") from exc

    def match(self, label: str) -> Match | None:
        """What `label` names: exactly, nearly (a typo, an inflection) or as the first word of
        a short label ("Lovgrundlag for indsatsen"); None when it names nothing known."""
        key = normalise(label)
        if not key:
            return None
        found = self._exact.get(key)
        if found is not None:
            return found
        close = difflib.get_close_matches(key, self._exact, n=1, cutoff=_CLOSE_ENOUGH)
        if close:
            near = self._exact[close[0]]
            return Match(near.kind, near.name, False)
        words = key.replace("/", " ").split()
        if len(words) <= _MAX_PREFIX_WORDS:
            for size in range(len(words) - 1, 0, -1):
                lead = self._exact.get(" ".join(words[:size])) if size > 1 else None
                lead = lead or (self._single.get(words[0]) if size == 1 else None)
                if lead is not None and lead.kind != "title":
                    return Match(lead.kind, lead.name, False)
        return None

    def is_plain(self, label: str) -> bool:
        """A heading that introduces or groups and names no kategori ("Indsatser")."""
        return normalise(label) in self._plain

    def is_header(self, label: str) -> bool:
        return normalise(label) in self._header

    def is_guidance(self, paragraph: str) -> bool:
        return _starts(self._guidance, paragraph)

    def is_page_fact(self, paragraph: str) -> bool:
        """A web page's "Vedtaget: … / Opdateret: …": about the page, not the indsats."""
        return _starts(self._page_facts, paragraph)


def _starts(patterns: list[re.Pattern[str]], paragraph: str) -> bool:
    text = paragraph.strip().strip("*_").strip()
    return any(p.match(text) for p in patterns)


def _words(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise SynonymError(where)
    return [str(v) for v in value]
