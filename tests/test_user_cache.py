"""The user's cache folder: whole files only, the code stamp that keys what the code computes,
and the language catalogues kept there as JSON."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sn_tui import i18n
from sn_tui.cache.folder import cache_folder, write_whole
from sn_tui.cache.stamp import PACKAGE, code_stamp, stamp_of


@pytest.fixture(autouse=True)
def fresh_catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Read the catalogues anew in each test, and leave none of these tests' in memory; the
    installation's copy (`tests/test_start3_catalogue.py`) in a folder of the test's own."""
    monkeypatch.setattr(i18n, "shared_folder", lambda: tmp_path / "installation")
    i18n.catalogue.cache_clear()
    yield
    i18n.catalogue.cache_clear()


def kept_catalogues() -> list[Path]:
    return sorted(cache_folder().glob("katalog-da-*.json"))


def test_the_catalogue_is_the_toml_file_and_is_kept_as_json(own_cache: Path) -> None:
    expected = {}  # da.toml and every area file of da/ (da/remote.toml …)
    for table in i18n.source_tables("da"):
        expected.update(i18n._flatten(table))
    assert i18n.catalogue("da") == expected
    [kept] = kept_catalogues()
    assert kept.parent == own_cache / "sn-tui"
    assert json.loads(kept.read_text(encoding="utf-8")) == expected
    assert [p.name for p in kept.parent.iterdir() if p.name.startswith(".")] == []  # no leftovers


def test_the_kept_catalogue_is_what_a_later_start_reads() -> None:
    i18n.catalogue("da")
    [kept] = kept_catalogues()
    strings = json.loads(kept.read_text(encoding="utf-8"))
    strings["app.title"] = "Fra cachen"
    kept.write_text(json.dumps(strings), encoding="utf-8")
    i18n.catalogue.cache_clear()
    assert i18n.catalogue("da")["app.title"] == "Fra cachen"


@pytest.mark.parametrize("content", [b'{"app.title": ', b"[1, 2]", b'{"app.title": 3}', b""])
def test_a_damaged_kept_catalogue_is_read_from_the_toml_again_and_replaced(
    content: bytes,
) -> None:
    expected = i18n.catalogue("da")
    [kept] = kept_catalogues()
    kept.write_bytes(content)
    i18n.catalogue.cache_clear()
    assert i18n.catalogue("da") == expected
    assert json.loads(kept.read_text(encoding="utf-8")) == expected


def test_a_catalogue_that_cannot_be_kept_is_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "ikke-en-mappe"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert i18n.t("app.title") == "Serviceniveau"
    assert blocker.read_text() == "x"


def test_write_whole_replaces_the_file_and_says_when_it_cannot(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.json"
    assert write_whole(target, b"1")
    assert write_whole(target, b"22")
    assert target.read_bytes() == b"22"
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.json"]
    (tmp_path / "fil").write_text("x")
    assert not write_whole(tmp_path / "fil" / "c.json", b"3")


def test_any_change_to_a_file_of_the_package_changes_the_code_stamp(tmp_path: Path) -> None:
    package = tmp_path / "sn_tui"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    assert stamp_of(package) == code_stamp()  # names, sizes and times, wherever it lies
    stamps = {stamp_of(package)}
    repo = package / "store" / "repo.py"
    repo.write_bytes(repo.read_bytes() + b"# x\n")  # the store: not only model and exports
    stamps.add(stamp_of(package))
    text = package / "i18n" / "da.toml"
    info = text.stat()
    os.utime(text, ns=(info.st_atime_ns, info.st_mtime_ns + 1))  # same size, touched
    stamps.add(stamp_of(package))
    (package / "services" / "ny.py").write_text("", encoding="utf-8")
    with_new_file = stamp_of(package)
    stamps.add(with_new_file)
    assert len(stamps) == 4
    (package / "services" / "__pycache__").mkdir()
    (package / "services" / "__pycache__" / "ny.cpython-311.pyc").write_bytes(b"byte-kode")
    assert stamp_of(package) == with_new_file  # byte-code is not code of its own
