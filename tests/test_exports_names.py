"""Which names the export folder takes: a bare file name, and a folder per login that cannot
leave the export base (the login comes from the forced command or the OS)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sn_tui.services.errors import InvalidInput
from sn_tui.services.exports import checked_name, folder_for


@pytest.mark.parametrize(
    "name", ["udvalg.docx", "sammenligning-2026-03-12-main.md", "Børne- og ungeudvalget.html"]
)
def test_a_bare_file_name_is_taken_as_it_is(name: str) -> None:
    assert checked_name(name) == name


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("", "Skriv et filnavn."),
        ("../../.git/sn-tui.db", "uden mappe: '../../.git/sn-tui.db' indeholder / eller \\."),
        ("/home/sn-tui/.ssh/authorized_keys", "indeholder / eller \\."),
        ("..\\..\\x.md", "indeholder / eller \\."),
        ("..", "må ikke begynde med punktum: '..'"),
        (".bashrc", "må ikke begynde med punktum"),
        ("a\x1b]0;x\x07.md", "'a␛]0;x␇.md' kan ikke bruges som filnavn"),
        ("fil\u202egpj.exe", "kan ikke bruges som filnavn"),
        ("x" * 256, "over 255 byte"),
    ],
)
def test_anything_else_is_one_sentence(name: str, sentence: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        checked_name(name)
    assert sentence in str(refused.value)


def test_each_login_has_its_own_folder_under_the_configured_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SN_EXPORT_DIR", str(tmp_path))
    assert folder_for("mette") == tmp_path / "mette"
    assert folder_for("gæst") == tmp_path / "gæst"
    for login in ("..", "a/b", ".ssh", "ole\n", ""):
        with pytest.raises(InvalidInput, match="kan ikke bruges som navn på en eksportmappe"):
            folder_for(login)


def test_without_a_setting_the_folder_is_beside_the_users_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SN_EXPORT_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert folder_for("ole") == tmp_path / "cache" / "sn-tui-eksport" / "ole"
