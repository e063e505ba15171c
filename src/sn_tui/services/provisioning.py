"""Creating content repositories: a new, empty one (`init`) and the demo (`demo`)."""

from __future__ import annotations

import datetime as dt
import getpass
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from sn_tui.domain.entry import Faggruppe, Person, faggrupper_from, load_yaml, parse_adgang
from sn_tui.domain.fields import ADGANG_FILE, FAGGRUPPER_FILE, SERVICENIVEAU_FILE
from sn_tui.domain.versions import adoption_message
from sn_tui.store.adopt import create_adoption_tag
from sn_tui.store.git import git_env, run_git
from sn_tui.store.repo import MAIN_REF, ContentRepo, RepoError
from sn_tui.store.save import save_files

DEMO_KOMMUNE = "Eksempel Kommune"


def data_dir() -> Path:
    """The shipped data: inside the installed package, or `data/` of a source checkout."""
    packaged = Path(__file__).resolve().parents[1] / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def _git_init(path: Path, *, bare: bool) -> ContentRepo:
    if path.exists() and any(path.iterdir()):
        raise RepoError(f"Mappen {path} er ikke tom; vælg en ny mappe.")
    path.mkdir(parents=True, exist_ok=True)
    args = ["git", "init", "-q", "-b", "main"]
    if bare:
        args.append("--bare")
    proc = subprocess.run([*args, str(path)], capture_output=True, env=git_env(), check=False)
    if proc.returncode != 0:
        raise RepoError(f"Git kunne ikke oprette et repository i {path}.")
    repo = ContentRepo.open(path)
    return ContentRepo(repo.git_dir, None)  # build without a working tree; checked out at the end


def _checkout(path: Path, repo: ContentRepo, *, bare: bool) -> ContentRepo:
    run_git(repo.git_dir, ["repack", "-adq"])
    if bare:
        return repo
    run_git(repo.git_dir, ["reset", "-q", "--hard", MAIN_REF], work_tree=path)
    return ContentRepo.open(path)


def standard_groups() -> list[Faggruppe]:
    """The template's faggrupper, which `init` offers."""
    return faggrupper_from(load_yaml((data_dir() / "template" / FAGGRUPPER_FILE).read_bytes()))


def init_repository(
    path: Path,
    kommune: str,
    login: str | None = None,
    *,
    bare: bool = False,
    navn: str | None = None,
    groups: Sequence[str] | None = None,
) -> ContentRepo:
    """A new content repository with the template's Forord and Principper, one admin (`login`,
    called `navn`), the standard faggrupper `groups` (None: all) and four-eyes approval on."""
    from sn_tui.domain.people import valid_login, without_group
    from sn_tui.i18n import t

    kommune = kommune.strip()
    if not kommune:
        raise RepoError(t("people.init_kommune_missing"))
    login = login or getpass.getuser()
    if not valid_login(login):
        raise RepoError(t("people.bad_login", login=login))
    template = (data_dir() / "template").resolve()
    faggrupper = (template / FAGGRUPPER_FILE).read_text(encoding="utf-8")
    known = [g.id for g in standard_groups()]
    unknown = [g for g in groups or () if g not in known]
    if unknown:
        raise RepoError(t("people.unknown_group", group=unknown[0], known=", ".join(known)))
    for group in [g for g in known if g not in groups] if groups is not None else ():
        faggrupper = without_group(faggrupper, group)
    serviceniveau = (template / "serviceniveau.md").read_text(encoding="utf-8")
    serviceniveau = serviceniveau.replace("XX Kommune", kommune)
    name = (navn or "").strip() or login
    person = Person(login, name, f"{login}@localhost", (), ("redaktør", "godkender", "admin"))
    adgang = yaml.safe_dump(
        {
            "personer": {
                login: {
                    "navn": person.navn,
                    "email": person.email,
                    "faggrupper": [],
                    "roller": list(person.roller),
                }
            },
            "regler": {"forbyd_egen_godkendelse": True},  # four eyes: nobody approves own text
        },
        allow_unicode=True,
        sort_keys=False,
    )
    files: dict[str, bytes | None] = {
        SERVICENIVEAU_FILE: serviceniveau.encode(),
        FAGGRUPPER_FILE: faggrupper.encode("utf-8"),
        ADGANG_FILE: adgang.encode(),
    }
    repo = _git_init(path, bare=bare)
    save_files(repo, files, base=None, author=person, message=f"Nyt serviceniveau for {kommune}\n")
    return _checkout(path, repo, bare=bare)


def build_demo(path: Path, source: Path | None = None) -> ContentRepo:
    """Build the demo repository from `data/demo/commits/`: same commits every time."""
    commits_dir = source or data_dir() / "demo" / "commits"
    steps = sorted(p for p in commits_dir.iterdir() if (p / "commit.yml").is_file())
    if not steps:
        raise RepoError(f"Der er ingen demodata i {commits_dir}.")
    repo = _git_init(path, bare=False)
    adgang_bytes: bytes | None = None
    head: str | None = None
    for step in steps:
        info: dict[str, Any] = yaml.safe_load((step / "commit.yml").read_text(encoding="utf-8"))
        files: dict[str, bytes | None] = {
            str(f.relative_to(step)): f.read_bytes()
            for f in sorted(step.rglob("*"))
            if f.is_file() and f.name != "commit.yml"
        }
        for gone in info.get("slet") or []:
            files[str(gone)] = None
        adgang_bytes = files.get(ADGANG_FILE) or adgang_bytes
        people = parse_adgang(adgang_bytes or b"{}").personer
        author = _person(people, str(info["forfatter"]), step)
        when = _datetime(info["dato"])
        result = save_files(
            repo,
            files,
            base=head,
            author=author,
            message=str(info["besked"]).strip() + "\n",
            when=when,
        )
        head = result.commit
        adopt = info.get("vedtag")
        if adopt and head:
            _adopt(repo, head, adopt, people, step)
    return _checkout(path, repo, bare=False)


def _danish_time() -> dt.tzinfo:
    """Danish time (summer and winter); a fixed +01:00 where the time zone database is missing."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Copenhagen")
    except (ImportError, KeyError, OSError):
        return dt.timezone(dt.timedelta(hours=1))


def _person(people: Mapping[str, Person], login: str, step: Path) -> Person:
    person = people.get(login)
    if person is None:
        raise RepoError(f"Demodata {step.name}: '{login}' står ikke i adgang.yml.")
    return person


def _datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, 12, tzinfo=dt.UTC)
    return dt.datetime.fromisoformat(str(value))


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _adopt(
    repo: ContentRepo,
    commit: str,
    adopt: Mapping[str, Any],
    people: Mapping[str, Person],
    step: Path,
) -> None:
    adopter = _person(people, str(adopt["af"]), step)
    date = _date(adopt["dato"])
    message = adoption_message(
        vedtaget_af=f"{adopter.navn} <{adopter.email}>",
        udvalg=str(adopt["udvalg"]),
        moededato=_date(adopt.get("moededato") or date),
        dagsordenpunkt=str(adopt["punkt"]),
        ikraft=_date(adopt["ikraft"]) if adopt.get("ikraft") else None,
        review_summary="ingen reviews",
    )
    when = dt.datetime(
        date.year, date.month, date.day, 16, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    create_adoption_tag(repo, commit, f"vedtaget/{date.isoformat()}", message, adopter, when)


def seed_demo_reviews(path: Path, db_url: str | None = None, source: Path | None = None) -> int:
    """Record the demo's reviews and open its review round (`data/demo/reviews.yml`).

    Each review judges the text of the version it names, so approvals of an adopted version
    whose indsats has changed since show as forældet, as they would in a real kommune.
    Returns how many reviews were recorded.
    """
    from sn_tui.domain.reviews.records import Verdict
    from sn_tui.i18n import DEFAULT, catalogue
    from sn_tui.services.workspace import Workspace

    # reviews.yml names verdicts by their Danish words, whatever the user's language
    verdicts = {catalogue(DEFAULT)[f"review.verdict_{v.value}"]: v for v in Verdict}
    data: dict[str, Any] = yaml.safe_load(
        (source or data_dir() / "demo" / "reviews.yml").read_text(encoding="utf-8")
    )
    runde: dict[str, Any] = data["runde"]
    workspace = Workspace.open(str(path), str(runde["af"]), db_url)
    try:
        reviews = workspace.reviews
        adgang = workspace.adgang()
        snapshots = {}
        for entry in data["reviews"]:
            version = str(entry["version"])
            if version not in snapshots:
                snapshots[version] = workspace.snapshot(version)
            snapshot = snapshots[version]
            ident = str(entry["indsats"])
            reviews.service.record(
                snapshot.indsatser[ident],
                str(entry["faggruppe"]),
                str(entry["login"]),
                verdicts[str(entry["dom"])],
                str(entry.get("kommentar") or ""),
                snapshot.revision.commit,
                adgang,
                reviews.last_editor(ident) if version == "main" else None,
            )
        deadline = dt.date.today() + dt.timedelta(days=int(runde["frist_dage"]))
        reviews.start_round(str(runde["navn"]), deadline)
    finally:
        workspace.close()
    return len(data["reviews"])
