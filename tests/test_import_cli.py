"""`sn-tui import` for real: one commit by the redaktør naming its sources, an existing indsats
updated field-wise, `--ny`, rights, `check` afterwards, and bad input refused with one Danish
sentence, exit 2 and nothing written."""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

import pytest

from conftest import git, run_cli
from import_docs import FAMILIEBEHANDLING, STOETTEOPHOLD, heading_docx, template_docx
from sn_tui.domain.fields import FIELDS


def commits(repo: Path) -> int:
    return int(git(repo, "rev-list", "--count", "HEAD"))


def test_one_commit_by_the_redaktoer_naming_the_sources(repo_path: Path, tmp_path: Path) -> None:
    word = template_docx(tmp_path / "serviceniveau 2025.docx", {"Støtteophold": STOETTEOPHOLD})
    page = tmp_path / "kontakt.md"
    page.write_text(
        "---\nid: kontaktperson\ntitel: Kontaktperson\nkategori: Støttende indsatser\n"
        "faggrupper: [myndighed]\nansvarlig: Team Ung  # ukendt nøgle\n---\n\n## Formål\n\n"
        "En voksen at tale med.\n",
        encoding="utf-8",
    )
    before = commits(repo_path)
    proc = run_cli(
        "import", str(word), str(page), "--kategori", "Støttende indsatser",
        "--faggrupper", "myndighed", cwd=repo_path, SN_USER="mette",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert commits(repo_path) == before + 1
    assert git(repo_path, "log", "-1", "--format=%an <%ae>") == "Mette Prøve <mette@testrup.dk>\n"
    message = git(repo_path, "log", "-1", "--format=%B")
    assert message.startswith("Import fra serviceniveau 2025.docx, kontakt.md: 2 nye og 0 ")
    assert "Kilde: serviceniveau 2025.docx\nKilde: kontakt.md\n" in message
    assert git(repo_path, "status", "--porcelain") == ""
    shown = (repo_path / "indsatser/stoetteophold.md").read_text(encoding="utf-8")
    assert shown.startswith(
        "---\nid: stoetteophold\ntitel: Støtteophold\nkategori: Støttende indsatser\n"
        "faggrupper: [myndighed]\n"
    )
    for name in FIELDS:
        assert f"## {name}\n\n{STOETTEOPHOLD[name]}\n" in shown
    assert "Forord" in (repo_path / "serviceniveau.md").read_text(encoding="utf-8")
    contact = (repo_path / "indsatser/kontaktperson.md").read_text(encoding="utf-8")
    assert "ansvarlig: Team Ung" in contact and "## Formål\n\nEn voksen at tale med.\n" in contact
    assert "Importeret i én commit" in proc.stdout
    assert "Tjek af de importerede filer:" in proc.stdout  # the empty fields are check errors
    assert "indsatser/kontaktperson.md:" in proc.stdout


def test_reimport_updates_only_the_changed_field(repo_path: Path, tmp_path: Path) -> None:
    old = (repo_path / "indsatser/familiebehandling.md").read_text(encoding="utf-8")
    revised = {"Formål": "Et nyt formål fra Word-filen.", "Lovhjemmel": "§ 32 i barnets lov."}
    source = heading_docx(tmp_path / "rettet.docx", {"Støttende indsatser": {
        "Familiebehandling": revised}})  # fmt: skip
    proc = run_cli("import", str(source), cwd=repo_path, SN_USER="mette")
    assert proc.returncode == 0, proc.stderr
    new = (repo_path / "indsatser/familiebehandling.md").read_text(encoding="utf-8")
    expected = old.replace("Tekst om formål for Familiebehandling.", revised["Formål"])
    expected = expected.replace("Tekst om lovhjemmel for Familiebehandling.", "§ 32 i barnets lov.")
    assert new == expected  # the frontmatter comment and untouched fields byte for byte
    assert "faggrupper: [myndighed, ppr]  # skal godkende" in new


def test_ny_refuses_existing_ids_and_writes_nothing(repo_path: Path, tmp_path: Path) -> None:
    source = template_docx(tmp_path / "s.docx", {"Familiebehandling": FAMILIEBEHANDLING})
    head = git(repo_path, "rev-parse", "HEAD")
    proc = run_cli("import", str(source), "--ny", cwd=repo_path, SN_USER="mette")
    assert proc.returncode == 2
    assert proc.stderr == (
        "sn-tui: --ny: indsatsen findes allerede: familiebehandling; intet er importeret.\n"
    )
    assert git(repo_path, "rev-parse", "HEAD") == head


def test_a_login_outside_adgang_cannot_import(repo_path: Path, tmp_path: Path) -> None:
    source = template_docx(tmp_path / "s.docx", {"Støtteophold": STOETTEOPHOLD})
    head = git(repo_path, "rev-parse", "HEAD")
    proc = run_cli("import", str(source), cwd=repo_path, SN_USER="fremmed")
    assert proc.returncode == 2
    assert "står ikke i adgang.yml" in proc.stderr
    assert git(repo_path, "rev-parse", "HEAD") == head


def test_personal_data_is_refused_unless_forced(repo_path: Path, tmp_path: Path) -> None:
    fields = dict(STOETTEOPHOLD, Indhold="Fx barnet med CPR-nummer 010203-1234.")
    source = template_docx(tmp_path / "cpr.docx", {"Støtteophold": fields})
    head = git(repo_path, "rev-parse", "HEAD")
    proc = run_cli("import", str(source), cwd=repo_path, SN_USER="mette")
    assert proc.returncode == 2, proc.stdout
    assert "indsatser/stoetteophold.md indeholder en personoplysning" in proc.stderr
    assert git(repo_path, "rev-parse", "HEAD") == head
    forced = run_cli("import", str(source), "--force", cwd=repo_path, SN_USER="mette")
    assert forced.returncode == 0, forced.stderr
    assert git(repo_path, "rev-parse", "HEAD") != head


def _password_protected(path: Path) -> Path:
    # Word saves an encrypted .docx as an OLE compound file holding an "EncryptedPackage".
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1024)
    return path


def _truncated(path: Path, tmp_path: Path) -> Path:
    good = template_docx(tmp_path / "hel.docx", {"Støtteophold": STOETTEOPHOLD})
    path.write_bytes(good.read_bytes()[:3000])
    return path


def _no_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
    return path


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _huge(path: Path) -> Path:
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    return path


@pytest.mark.parametrize(
    ("name", "make", "sentence"),
    [
        ("tekst.docx", lambda p, t: _bytes(p, b"bare tekst"),
         "tekst.docx er ikke en Word-fil (.docx), som filnavnet siger"),
        ("hemmelig.docx", lambda p, t: _password_protected(p),
         "hemmelig.docx er beskyttet med adgangskode"),
        ("halv.docx", _truncated, "halv.docx er beskadiget og kan ikke læses som Word-fil"),
        ("tom.docx", lambda p, t: _no_document(p), "tom.docx er beskadiget"),
        ("stor.docx", lambda p, t: _huge(p), "stor.docx fylder 50 MB; en fil til import må "
         "højst fylde 20 MB."),
        ("side.html", lambda p, t: _bytes(p, b"PK\x03\x04\0\0binary"),
         "side.html er ikke en tekstfil, som filnavnet siger"),
        ("scan.pdf", lambda p, t: _bytes(p, b"%PDF-1.7"),
         "scan.pdf kan ikke importeres: kun .docx, .html, .htm og .md kan læses"),
    ],
)  # fmt: skip
def test_bad_input_is_one_danish_sentence_and_nothing_written(
    repo_path: Path, tmp_path: Path, name: str, make: object, sentence: str
) -> None:
    source = make(tmp_path / name, tmp_path)  # type: ignore[operator]
    head = git(repo_path, "rev-parse", "HEAD")
    proc = run_cli("import", str(source), cwd=repo_path, SN_USER="mette")
    assert proc.returncode == 2, proc.stdout
    assert proc.stderr.startswith(f"sn-tui: {sentence}"), proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert git(repo_path, "rev-parse", "HEAD") == head
    assert git(repo_path, "status", "--porcelain") == ""


def test_sixty_indsatser_in_under_five_seconds_and_one_commit(
    repo_path: Path, tmp_path: Path
) -> None:
    indsatser = {f"Indsats nummer {n} for børn og unge": FAMILIEBEHANDLING for n in range(60)}
    source = template_docx(tmp_path / "stor.docx", indsatser, kategori="Støttende indsatser")
    before = commits(repo_path)
    started = time.monotonic()
    proc = run_cli("import", str(source), cwd=repo_path, SN_USER="mette")
    took = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    assert "60 nye og 0 opdaterede indsatser" in proc.stdout
    assert commits(repo_path) == before + 1
    assert len(list((repo_path / "indsatser").glob("indsats-nummer-*.md"))) == 60
    assert took < 5.0, f"{took:.2f} s"


def test_kommunens_own_synonyms_from_import_yml(repo_path: Path, tmp_path: Path) -> None:
    (repo_path / "import.yml").write_text(
        "synonymer:\n  felter:\n    Lovhjemmel: [Retsgrundlag]\n", encoding="utf-8"
    )
    git(repo_path, "add", "import.yml")
    git(repo_path, "-c", "user.name=x", "-c", "user.email=x@x", "commit", "-qm", "synonymer")
    source = heading_docx(
        tmp_path / "egen.docx", {"Støttende": {"Netværk": {"Retsgrundlag": "§ 30."}}}
    )
    proc = run_cli("import", str(source), "--dry-run", cwd=repo_path)
    assert proc.returncode == 0, proc.stderr
    assert "  Lovhjemmel ← „Retsgrundlag“" in proc.stdout.splitlines()


def test_export_of_the_demo_imports_back_to_the_same_text(tmp_path: Path) -> None:
    """The round trip: `export --format docx` of the demo, then `import --dry-run` of that file
    maps every field of every indsats back to the text it came from."""
    import json

    from sn_tui.domain.entry import Indsats

    demo = tmp_path / "demo"
    built = run_cli("demo", str(demo), "--no-tui")
    assert built.returncode == 0, built.stderr
    word = tmp_path / "demo.docx"
    exported = run_cli("export", "--format", "docx", "-o", str(word), cwd=demo)
    assert exported.returncode == 0, exported.stderr
    proc = run_cli("import", str(word), "--dry-run", "--format", "json", cwd=demo)
    assert proc.returncode == 0, proc.stderr
    plan = json.loads(proc.stdout)
    originals = {
        i.id: i for i in (Indsats.parse(p.read_bytes()) for p in (demo / "indsatser").glob("*.md"))
    }
    assert sorted(item["id"] for item in plan["indsatser"]) == sorted(originals)
    for item in plan["indsatser"]:
        original = originals[item["id"]]
        assert item["ny"] is False
        assert item["kategori"] == original.kategori
        for name in FIELDS:
            assert item["felter"].get(name, "") == original.fields[name], (item["id"], name)
        assert item["økonomi"] == {
            "budget_kr": original.budget_kr,
            "forventet_antal": original.forventet_antal,
        }
    shutil.rmtree(demo)


def test_a_missing_file_is_named(repo_path: Path, tmp_path: Path) -> None:
    proc = run_cli("import", str(tmp_path / "ingen.docx"), "--dry-run", cwd=repo_path)
    assert proc.returncode == 2
    assert proc.stderr == f"sn-tui: Filen {tmp_path / 'ingen.docx'} findes ikke.\n"


def test_a_real_run_in_json_names_its_commit_and_findings(repo_path: Path, tmp_path: Path) -> None:
    import json

    source = heading_docx(tmp_path / "kort.docx", {"Støttende": {"Ny indsats": {"Formål": "X."}}})
    proc = run_cli("import", str(source), "--format", "json", cwd=repo_path, SN_USER="mette")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["commit"] == git(repo_path, "rev-parse", "HEAD").strip()
    assert [i["id"] for i in data["indsatser"]] == ["ny-indsats"]
    assert {f["path"] for f in data["fund"]} == {"indsatser/ny-indsats.md"}  # empty fields
