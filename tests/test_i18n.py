"""The one catalogue: Danish and English alike in keys, placeholders and plural forms."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from export_fixtures import comparison
from sn_tui import i18n
from sn_tui.export import render_comparison
from sn_tui.i18n import known, set_language, t
from sn_tui.services.workspace import Workspace
from sn_tui.store.repo import ContentRepo, RepoError

PLURAL = {"one", "other"}


def raw(lang: str) -> dict[str, Any]:
    """One language's catalogue, every file of it merged table by table."""
    merged: dict[str, Any] = {}
    for table in i18n.source_tables(lang):
        merge_into(merged, table)
    return merged


def merge_into(into: dict[str, Any], table: dict[str, Any]) -> None:
    for key, value in table.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict) and not is_plural(value):
            merge_into(into[key], value)
        else:
            into[key] = value


def is_plural(value: object) -> bool:
    return isinstance(value, dict) and set(value) == PLURAL


def messages(table: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted key, text or plural table) for every message of one catalogue."""
    for key, value in table.items():
        if isinstance(value, dict) and not is_plural(value):
            yield from messages(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a message (`{+tilføjet+}` in a legend is text, not a field)."""
    return {
        name for _, name, _, _ in string.Formatter().parse(text) if name and name.isidentifier()
    }


def shape(value: str | dict[str, str]) -> object:
    """What must match between the languages: the placeholders, form by form."""
    if isinstance(value, dict):
        return {form: placeholders(text) for form, text in value.items()}
    return placeholders(value)


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("da")


def test_danish_and_english_have_the_same_keys_placeholders_and_plural_shape() -> None:
    da, en = dict(messages(raw("da"))), dict(messages(raw("en")))
    assert sorted(set(da) - set(en)) == []
    assert sorted(set(en) - set(da)) == []
    differ = {
        key: (shape(da[key]), shape(en[key])) for key in da if shape(da[key]) != shape(en[key])
    }
    assert differ == {}


def test_a_table_of_forms_is_exactly_one_and_other() -> None:
    for lang in ("da", "en"):
        for key, value in messages(raw(lang)):
            if isinstance(value, dict):
                assert set(value) == PLURAL, f"{lang}: {key}"
            assert isinstance(value, dict | str), f"{lang}: {key}"


def test_every_message_that_formats_a_count_has_plural_forms() -> None:
    single = [
        key
        for key, value in messages(raw("da"))
        if isinstance(value, str) and "count" in placeholders(value)
    ]
    assert single == []


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 advarsler"), (1, "1 advarsel"), (2, "2 advarsler")]
)
def test_the_count_picks_the_form(count: int, expected: str) -> None:
    assert t("findings.warning_count", count=count) == expected
    assert t("overview.count", count=count).endswith("indsats" if count == 1 else "indsatser")


def test_the_count_picks_the_form_in_english_too(english: None) -> None:
    assert t("findings.warning_count", count=1) == "1 warning"
    assert t("findings.warning_count", count=3) == "3 warnings"
    assert t("live.synced_fetched", count=1) == "1 new change fetched"


def test_no_message_says_one_thing_in_the_plural() -> None:
    """The bug this catalogue fixes: "1 advarsler", "1 nye ændringer hentet"."""
    errors, warnings = t("findings.error_count", count=0), t("findings.warning_count", count=1)
    assert t("findings.summary", errors=errors, warnings=warnings) == "Tjek: 0 fejl, 1 advarsel"
    assert t("live.synced_fetched", count=1) == "1 ny ændring hentet"
    assert t("review.queue_count", count=1, groups="PPR").startswith(
        "Dine faggrupper (PPR) mangler 1 review."
    )


def test_frontmatter_keys_have_export_names_and_other_keys_do_not() -> None:
    assert known("export.meta.økonomi.budget_kr")
    assert t("export.meta.økonomi.budget_kr") == "Budget"
    assert not known("export.meta.ukendt_nøgle")


def test_exports_are_danish_by_default_and_english_when_chosen() -> None:
    danish = render_comparison(comparison(), "md").decode()
    assert "## Resumé" in danish
    set_language("en")
    try:
        english = render_comparison(comparison(), "md").decode()
    finally:
        set_language("da")
    assert "## Summary" in english
    assert "Resumé" not in english


def test_a_kept_rendering_is_only_served_in_its_own_language(
    workspace: Callable[[str], Workspace],
) -> None:
    ws = workspace("ole")
    assert "Ingen forskelle" in ws.rendered_comparison("main", "main", "md").decode()
    set_language("en")
    try:
        english = ws.rendered_comparison("main", "main", "md").decode()
    finally:
        set_language("da")
    assert "No differences between the two versions." in english


def test_the_repository_errors_come_from_the_catalogue(tmp_path: Path, english: None) -> None:
    missing = tmp_path / "findes-ikke"
    with pytest.raises(RepoError, match=re.escape(f"The folder {missing} does not exist.")):
        ContentRepo.open(missing)
    with pytest.raises(RepoError, match="is not a Git repository"):
        ContentRepo.open(tmp_path)


def test_an_area_file_joins_the_catalogue_and_a_key_given_twice_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Features keep their messages in `da/<area>.toml`; a clash with the main file is an error."""
    (tmp_path / "da").mkdir()
    (tmp_path / "da.toml").write_text('[app]\ntitle = "A"\n', encoding="utf-8")
    (tmp_path / "da" / "area.toml").write_text('[area]\nhello = "Hej"\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "__file__", str(tmp_path / "__init__.py"))
    monkeypatch.setattr(i18n, "cache_folder", lambda: tmp_path / "cache")
    i18n.catalogue.cache_clear()
    try:
        assert i18n.catalogue("da") == {"app.title": "A", "area.hello": "Hej"}
        (tmp_path / "da" / "clash.toml").write_text('[app]\ntitle = "B"\n', encoding="utf-8")
        for kept in [*(tmp_path / "cache").iterdir(), *i18n.shared_folder().iterdir()]:
            kept.unlink()  # the kept JSON is named by the code stamp, which a test cannot move
        i18n.catalogue.cache_clear()
        with pytest.raises(ValueError, match=r"app\.title"):
            i18n.catalogue("da")
    finally:
        i18n.catalogue.cache_clear()
