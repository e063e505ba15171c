"""A user's first start reads the catalogue another user's start kept beside the code, not the
TOML files (~15-20 ms of processor time on a first start)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sn_tui import i18n
from sn_tui.cache.folder import cache_folder


@pytest.fixture
def installation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "installation"
    monkeypatch.setattr(i18n, "shared_folder", lambda: folder)
    i18n.catalogue.cache_clear()
    yield folder
    i18n.catalogue.cache_clear()


def first_start_of_another_user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "anden-bruger"))
    i18n.catalogue.cache_clear()


def test_the_first_parse_is_kept_for_the_installation_and_read_by_the_next_user(
    installation: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = i18n.catalogue("da")
    [shared] = installation.glob("katalog-da-*.json")
    assert json.loads(shared.read_bytes()) == expected

    first_start_of_another_user(monkeypatch, tmp_path)
    monkeypatch.setattr(i18n, "source_tables", lambda lang: pytest.fail("TOML parsed again"))
    assert i18n.catalogue("da") == expected
    [kept] = cache_folder().glob("katalog-da-*.json")  # and now in that user's own cache
    assert json.loads(kept.read_bytes()) == expected


def test_a_damaged_installation_copy_is_parsed_again_and_replaced(
    installation: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = i18n.catalogue("da")
    [shared] = installation.glob("katalog-da-*.json")
    shared.write_bytes(b'{"app.title": ')
    first_start_of_another_user(monkeypatch, tmp_path)
    assert i18n.catalogue("da") == expected
    assert json.loads(shared.read_bytes()) == expected


def test_an_older_version_s_copy_is_removed_when_a_new_one_is_kept(installation: Path) -> None:
    installation.mkdir()
    older = installation / "katalog-da-0123456789abcdef.json"
    older.write_text("{}", encoding="utf-8")
    i18n.catalogue("da")
    assert [p.name for p in installation.iterdir()] != [older.name]
    assert not older.exists()


def test_an_installation_that_cannot_be_written_still_gives_the_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "ikke-en-mappe"
    blocker.write_text("x")
    monkeypatch.setattr(i18n, "shared_folder", lambda: blocker / "__pycache__")
    i18n.catalogue.cache_clear()
    try:
        assert i18n.t("app.title") == "Serviceniveau"
        assert list(cache_folder().glob("katalog-da-*.json"))
    finally:
        i18n.catalogue.cache_clear()
