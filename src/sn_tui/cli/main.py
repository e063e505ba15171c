"""The `sn-tui` command line: thin commands over the workspace services.

Errors are one Danish sentence on stderr with a non-zero exit, never a traceback:
1 = `check` found errors, 2 = the command could not be carried out, 3 = a save conflicted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_CONFLICT = 3

_STRING_KEYS = {"titel", "kategori", "id"}


class UsageError(Exception):
    """Bad input on the command line; the message is a Danish sentence."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _formatter())
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> Any:  # argparse's own English words become one Danish line
        raise UsageError(f"Kommandoen kunne ikke forstås ({message}); se 'sn-tui --help'.")


@functools.cache
def _formatter() -> Callable[..., argparse.HelpFormatter]:
    """argparse's formatter at the terminal's width, asked once: argparse asks the terminal
    for every argument it adds (~100 system calls for the whole command line)."""
    import shutil

    width = shutil.get_terminal_size().columns - 2
    return functools.partial(argparse.HelpFormatter, width=width)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sn-tui",
        description="Skriv, review, vedtag og sammenlign kommunens serviceniveau.",
    )
    _add_common(parser, None)
    sub = _subparsers(parser, "command")

    p = sub.add_parser("init", help="opret et nyt, tomt content-repository")
    p.add_argument("path")
    p.add_argument("--kommune", required=True)
    p.add_argument("--bare", action="store_true", help="uden arbejdsmappe (til en fælles server)")

    p = sub.add_parser("demo", help="byg demo-repositoriet (Eksempel Kommune) og åbn det")
    p.add_argument("path", nargs="?", default="sn-tui-demo")
    p.add_argument("--no-tui", action="store_true", help="byg kun, åbn ikke TUI'en")
    p.add_argument("--reset", action="store_true", help="byg forfra, selv om mappen findes")

    p = sub.add_parser("check", help="valider hele serviceniveauet")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--at", default="main", help="version eller revision (standard: main)")
    p.add_argument(
        "--only", help="kun disse kategorier: lovhjemmel,vurdering,termer,persondata,lix"
    )

    p = sub.add_parser("list", help="list indsatserne")
    p.add_argument("--at", default=None, help="vedtaget version, dato eller revision")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add_parser("show", help="vis én indsats")
    p.add_argument("id")
    p.add_argument("--at", default=None, help="vedtaget version, dato eller revision")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add_parser("set", help="ret én nøgle eller ét felt i en indsats (til scripts)")
    p.add_argument("id")
    p.add_argument("key", nargs="?", help="frontmatter-nøgle, fx titel eller økonomi.budget_kr")
    p.add_argument("value", nargs="?")
    p.add_argument("--field", help="et af de otte felter, fx Formål")
    p.add_argument("--text-file", help="fil med feltets nye tekst ('-' for stdin)")
    p.add_argument("--base", help="den commit, ændringen bygger på (standard: main nu)")

    p = sub.add_parser("new", help="opret en ny indsats ud fra skabelonen")
    p.add_argument("id")
    p.add_argument("--titel", required=True)
    p.add_argument("--kategori", required=True)
    p.add_argument("--faggrupper", default="", help="kommasepareret, fx myndighed,ppr")

    p = sub.add_parser("delete", help="slet en indsats (sletningen er en commit)")
    p.add_argument("id")

    p = sub.add_parser("adopt", help="vedtag main som en ny version (godkender eller admin)")
    p.add_argument("--date", required=True, type=_date_arg, help="vedtagelsesdato ÅÅÅÅ-MM-DD")
    p.add_argument("--udvalg", required=True, help="fx Børne- og Ungeudvalget")
    p.add_argument("--punkt", required=True, help="dagsordenpunkt")
    p.add_argument("--moededato", type=_date_arg, help="mødedato (standard: vedtagelsesdatoen)")
    p.add_argument("--ikraft", type=_date_arg, help="ikrafttrædelsesdato")

    p = sub.add_parser("sync", help="hent fra og send til Git-remoten (flere værter)")
    p.add_argument("--remote", help="remotens navn (standard: sn-tui.remote eller origin)")

    p = sub.add_parser("ssh-setup", help="opsæt SSH-adgang, så et login kun når sn-tui")
    p.add_argument("what", choices=["keys", "sshd", "share"])
    p.add_argument("--keys", help="mappe med <login>.pub (til 'keys')")
    p.add_argument("--group", help="OS-gruppen (til 'sshd' og 'share')")
    p.add_argument("--sn-tui", dest="sn_tui", help="stien til sn-tui (standard: denne)")
    p.add_argument("-o", "--output", help="skriv til filen i stedet for stdout")

    p = sub.add_parser("diff", help="sammenlign to versioner (vedtaget, main eller revision)")
    p.add_argument("a", help="fx vedtaget/2026-03-12, 2026-03-12 eller main")
    p.add_argument("b")
    p.add_argument("--format", choices=["text", "md", "html", "docx", "json"], default="text")
    p.add_argument("-o", "--output", help="skriv til filen (påkrævet for docx i en terminal)")

    p = sub.add_parser("export", help="hele serviceniveauet i skabelonens form")
    p.add_argument("--at", default=None, help="vedtaget version, dato eller revision")
    p.add_argument("--format", choices=["md", "html", "docx"], required=True)
    p.add_argument("-o", "--output", required=True, help="filen ('-' for stdout)")

    _add_review_parser(sub)

    p = sub.add_parser("versions", help="vedtagne versioner, nyeste først")
    p.add_argument("--format", choices=["text", "json"], default="text")
    return parser


def _subparsers(parser: argparse.ArgumentParser, dest: str, required: bool = False) -> Any:
    """Subcommands that also accept --repo, --user, --lang and --db after their name."""
    common = _Parser(add_help=False)
    _add_common(common, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest=dest, parser_class=_Parser, required=required)
    original = sub.add_parser

    def add_parser(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return original(name, parents=[common], **kwargs)

    sub.add_parser = add_parser  # type: ignore[method-assign,assignment]
    return sub


def _add_review_parser(sub: Any) -> None:
    review = sub.add_parser("review", help="faggruppernes godkendelser og høringsrunder")
    rsub = _subparsers(review, "review_command", required=True)
    p = rsub.add_parser("status", help="matrix af indsatser og faggrupper")
    p.add_argument("--round", help="kun denne høringsrunde")
    p.add_argument("--format", choices=["table", "json"], default="table")
    for name, verdict, needs_text in (
        ("approve", "approved", False),
        ("request-changes", "changes_requested", True),
        ("comment", "comment", True),
    ):
        p = rsub.add_parser(name, help=f"{name} på en faggruppes vegne")
        p.add_argument("id")
        p.add_argument("--group", required=True, help="faggruppens id")
        p.add_argument("--comment", required=needs_text, default="")
        p.set_defaults(verdict=verdict)
    p = rsub.add_parser("history", help="alle reviews af en indsats, nyeste først")
    p.add_argument("id")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = rsub.add_parser("queue", help="hvad dine faggrupper mangler at se på")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = rsub.add_parser("round", help="høringsrunder: start, status, close")
    round_sub = _subparsers(p, "round_command", required=True)
    q = round_sub.add_parser("start")
    q.add_argument("name")
    q.add_argument("--deadline", required=True, type=_date_arg)
    q.add_argument("--groups", default="", help="kommasepareret (standard: alle)")
    q.add_argument("--indsatser", default="", help="kommasepareret (standard: alle)")
    q = round_sub.add_parser("status")
    q.add_argument("name", nargs="?")
    q.add_argument("--format", choices=["table", "json"], default="table")
    q = round_sub.add_parser("close")
    q.add_argument("name")


def _add_common(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument(
        "--repo", default=default, help="content-repositoriet (ellers $SN_REPO eller mappen her)"
    )
    parser.add_argument(
        "--user", default=default, help="dit login (ellers $SN_USER eller OS-login)"
    )
    parser.add_argument("--lang", choices=["da", "en"], default=default, help="sprog i TUI'en")
    parser.add_argument(
        "--db", default=default, help="database-URL (ellers $SN_DATABASE_URL eller SQLite i .git)"
    )


def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' er ikke en dato som ÅÅÅÅ-MM-DD") from None


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        handler = _HANDLERS.get(args.command or "", _cmd_tui)
        return handler(args)
    except UsageError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: nothing went wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # every failure is one sentence; SN_DEBUG=1 shows the traceback
        from sn_tui.store.save import SaveConflict

        if isinstance(exc, SaveConflict):
            return _conflict(exc)
        if os.environ.get("SN_DEBUG"):
            raise
        return _fail(_sentence(exc))


def _sentence(exc: Exception) -> str:
    from sn_tui.reviewdb.errors import ReviewError
    from sn_tui.store.git import GitError
    from sn_tui.store.repo import RepoError

    if isinstance(exc, RepoError | ReviewError):
        return str(exc)
    if isinstance(exc, GitError):
        return "Git kunne ikke udføre handlingen; kør med SN_DEBUG=1 for detaljer."
    if isinstance(exc, OSError):
        return f"Filen kunne ikke læses eller skrives: {exc.strerror or exc} ({exc.filename})."
    return f"Uventet fejl ({type(exc).__name__}); kør med SN_DEBUG=1 for detaljer."


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"sn-tui: {message}", file=sys.stderr)
    return code


def _conflict(exc: Any) -> int:
    print(f"sn-tui: Konflikt: {exc}", file=sys.stderr)
    for c in exc.conflicts:
        print(f"--- {c.name}", file=sys.stderr)
        for label, text in (("fælles udgangspunkt", c.base), ("din", c.mine), ("deres", c.theirs)):
            shown = "(findes ikke)" if text is None else text
            print(f"  [{label}] {shown}", file=sys.stderr)
    return EXIT_CONFLICT


def _workspace(args: argparse.Namespace) -> Any:
    from sn_tui.services.workspace import Workspace

    ws = Workspace.open(args.repo, args.user, args.db)
    for problem in ws.tag_problems():
        print(f"sn-tui: advarsel: {problem}", file=sys.stderr)
    return ws


def _print_json(data: Any) -> None:
    from sn_tui.export.jsonfmt import dumps_indented

    sys.stdout.write(dumps_indented(data, default=str) + "\n")


# ---------------------------------------------------------------------- commands
def _require_terminal() -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "sn-tui skal køres i en terminal (over SSH: ssh -t); brug underkommandoerne i scripts."
        )


def _run_tui(repo: str | None, user: str | None, lang: str | None, db: str | None) -> int:
    """The TUI until the user quits."""
    _require_terminal()
    from sn_tui.tui.app import run_app

    return run_app(repo, user, lang=lang, db_url=db)


def _cmd_tui(args: argparse.Namespace) -> int:
    return _run_tui(args.repo, args.user, args.lang, args.db)


def _cmd_init(args: argparse.Namespace) -> int:
    from sn_tui.services.provisioning import init_repository
    from sn_tui.services.workspace import resolve_login

    path = Path(args.path)
    init_repository(path, args.kommune, resolve_login(args.user), bare=args.bare)
    print(f"Nyt serviceniveau for {args.kommune.strip()} oprettet i {path}.")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    import shutil

    from sn_tui.services.provisioning import build_demo, seed_demo_reviews

    path = Path(args.path)
    if args.reset and (path / ".git").is_dir():
        shutil.rmtree(path)
    if path.exists() and any(path.iterdir()):
        if not (path / ".git").is_dir():
            raise UsageError(f"Mappen {path} findes og er ikke et demo-repository; vælg en anden.")
        print(f"Åbner det eksisterende demo-repository i {path} (--reset bygger det forfra).")
    else:
        build_demo(path)
        reviews = seed_demo_reviews(path, args.db)
        print(f"Demo-repository for Eksempel Kommune bygget i {path} med {reviews} reviews.")
    if args.no_tui:
        return EXIT_OK
    return _run_tui(str(path), args.user or "mette", args.lang, args.db)


def _cmd_check(args: argparse.Namespace) -> int:
    from sn_tui.domain.checks.runner import UnknownCategory, parse_only

    try:
        only = parse_only(args.only)
    except UnknownCategory as exc:
        raise UsageError(str(exc)) from exc
    ws = _workspace(args)
    report = ws.check_report(args.at, only)
    if args.format == "json":
        _print_json(
            {
                "errors": report.errors,
                "warnings": report.warnings,
                "findings": [f.to_json() for f in report.findings],
                "accepted": [f.to_json() for f in report.accepted],
                "lix": report.lix,
            }
        )
    else:
        for finding in report.findings:
            print(finding.format())
        for accepted in report.accepted:
            print(f"{accepted.path}:{accepted.line}: accepteret: {accepted.message}")
        summary = f"{report.errors} fejl, {report.warnings} advarsler"
        if report.accepted:
            summary += f", {len(report.accepted)} accepterede undtagelser"
        print(summary + ".", file=sys.stderr)
    return EXIT_FINDINGS if report.errors else EXIT_OK


def _at(ws: Any, at: str | None) -> str:
    """A revision name for `--at`: a date means the version in force that day."""
    if at is None:
        return "main"
    try:
        day = dt.date.fromisoformat(at)
    except ValueError:
        return at
    from sn_tui.store.repo import RepoError

    chosen = ws.version_in_force(day)
    if chosen is None:
        raise RepoError(f"Der var ikke vedtaget noget serviceniveau den {at}.")
    return str(chosen.tag)


def _cmd_list(args: argparse.Namespace) -> int:
    from sn_tui.domain.danish import format_kr

    ws = _workspace(args)
    rev = _at(ws, args.at)
    items = ws.indsatser(rev)
    if args.format == "json":
        _print_json(
            [
                {
                    "id": i.id,
                    "titel": i.titel,
                    "kategori": i.kategori,
                    "faggrupper": list(i.faggrupper),
                    "budget_kr": i.budget_kr,
                    "forventet_antal": i.forventet_antal,
                    "lovhjemmel": i.lovhjemmel,
                    "path": i.path,
                }
                for i in items
            ]
        )
        return EXIT_OK
    width = max((len(i.id) for i in items), default=2)
    for item in items:
        print(f"{item.id:<{width}}  {item.titel}  ({item.kategori}, {format_kr(item.budget_kr)})")
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    from sn_tui.store.repo import RepoError

    ws = _workspace(args)
    rev = ws.repo.resolve(_at(ws, args.at))
    entry = ws.repo.indsats(rev.commit, args.id)
    if entry is None:
        raise RepoError(f"Indsatsen '{args.id}' findes ikke i {rev.label}.")
    if args.format == "json":
        _print_json(
            {
                "id": entry.id,
                "version": rev.label,
                "commit": rev.commit,
                "blob": entry.blob,
                "meta": entry.meta,
                "fields": dict(entry.fields),
            }
        )
        return EXIT_OK
    data = ws.repo.read_blob(entry.blob)
    sys.stdout.write(data.decode("utf-8", "replace"))
    return EXIT_OK


def _parse_value(key: str, raw: str) -> Any:
    import yaml

    if key.split(".")[-1] in _STRING_KEYS:
        return raw
    try:
        value = yaml.safe_load(raw)
    except yaml.YAMLError:
        return raw
    return raw if isinstance(value, dict) or (value is None and raw.strip()) else value


def _cmd_set(args: argparse.Namespace) -> int:
    ws = _workspace(args)
    base = ws.repo.resolve(args.base).commit if args.base else None
    if args.field:
        if not args.text_file or args.key:
            raise UsageError(
                "Brug enten 'set ID NØGLE VÆRDI' eller 'set ID --field NAVN --text-file FIL'."
            )
        if args.text_file == "-":
            text = sys.stdin.read()
        else:
            text = Path(args.text_file).read_text(encoding="utf-8")
        result = ws.set_field(args.id, args.field, text, base)
    else:
        if args.key is None or args.value is None:
            raise UsageError(
                "Brug enten 'set ID NØGLE VÆRDI' eller 'set ID --field NAVN --text-file FIL'."
            )
        result = ws.set_meta(args.id, args.key, _parse_value(args.key, args.value), base)
    if result.changed:
        merged = " (flettet med andres ændringer)" if result.merged else ""
        print(f"Gemt som {str(result.commit)[:10]}{merged}.")
    else:
        print("Ingen ændring; intet at gemme.")
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    ws = _workspace(args)
    groups = [g.strip() for g in args.faggrupper.split(",") if g.strip()]
    result = ws.create_indsats(args.id, args.titel, args.kategori, groups)
    print(f"Indsatsen '{args.id}' oprettet ({str(result.commit)[:10]}).")
    return EXIT_OK


def _cmd_delete(args: argparse.Namespace) -> int:
    ws = _workspace(args)
    result = ws.delete_indsats(args.id)
    print(f"Indsatsen '{args.id}' slettet ({str(result.commit)[:10]}).")
    return EXIT_OK


def _cmd_adopt(args: argparse.Namespace) -> int:
    from sn_tui.services.errors import CheckFailed

    ws = _workspace(args)
    try:
        tag = ws.adopt(
            date=args.date,
            udvalg=args.udvalg,
            punkt=args.punkt,
            moededato=args.moededato,
            ikraft=args.ikraft,
        )
    except CheckFailed as exc:  # the sentence, then the errors to fix, as `check` prints them
        code = _fail(str(exc))
        for finding in exc.errors:
            print(finding.format(), file=sys.stderr)
        return code
    print(f"Vedtaget som {tag}.")
    return EXIT_OK


def _cmd_sync(args: argparse.Namespace) -> int:
    from sn_tui.store.sync import sync

    ws = _workspace(args)
    result = sync(ws.repo, args.remote)
    parts = [f"{result.fetched} nye ændringer hentet"]
    if result.replayed:
        parts.append(f"{result.replayed} lokale gemninger lagt ovenpå")
    parts.append("main sendt" if result.pushed else "intet at sende")
    if result.tags_pushed:
        parts.append(f"{result.tags_pushed} vedtagne versioner sendt")
    print(f"Synkroniseret med {result.remote}: {', '.join(parts)}.")
    return EXIT_OK


def _cmd_ssh_setup(args: argparse.Namespace) -> int:
    import shutil

    from sn_tui.services import ssh_access as deploy
    from sn_tui.services.workspace import resolve_repo_path

    repo = resolve_repo_path(args.repo).resolve()
    program = args.sn_tui or shutil.which("sn-tui") or f"{sys.executable} -m sn_tui"
    if args.what == "share":
        count = deploy.share_repository(repo, args.group)
        print(f"Repositoriet er nu delt med gruppen ({count} filer og mapper rettet).")
        return EXIT_OK
    if args.what == "keys":
        if not args.keys:
            raise UsageError("Angiv mappen med offentlige nøgler med --keys.")
        lines = [k.line for k in deploy.authorized_keys(Path(args.keys), repo, program, args.db)]
        text = "".join(line + "\n" for line in lines)
    else:
        if not args.group:
            raise UsageError("Angiv OS-gruppen med --group.")
        text = deploy.sshd_snippet(args.group, repo, program, args.db)
    if args.output:
        target = Path(args.output)
        tmp = target.with_name(target.name + ".sn-tui-tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.chmod(0o600 if args.what == "keys" else 0o644)
        os.replace(tmp, target)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _write_output(data: bytes, target: str | None, fmt: str) -> None:
    """Write the whole file or nothing: a temporary file renamed into place."""
    if target in (None, "-"):
        if fmt == "docx" and sys.stdout.isatty():
            raise UsageError("Word-formatet kan ikke vises i terminalen; angiv en fil med -o.")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    assert target is not None
    from sn_tui.services.workspace import write_atomically

    write_atomically(Path(target), data)


def _cmd_diff(args: argparse.Namespace) -> int:
    ws = _workspace(args)
    color = (
        args.format == "text"
        and args.output in (None, "-")
        and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
    )
    data = ws.rendered_comparison(args.a, args.b, args.format, color=color)
    _write_output(data, args.output, args.format)
    if args.output not in (None, "-"):
        print(f"Sammenligningen er skrevet til {args.output}.", file=sys.stderr)
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from sn_tui.export import render_document

    ws = _workspace(args)
    snapshot = ws.snapshot(_at(ws, args.at))
    _write_output(render_document(snapshot, args.format), args.output, args.format)
    if args.output != "-":
        print(
            f"Serviceniveauet ({snapshot.revision.label}) er skrevet til {args.output}.",
            file=sys.stderr,
        )
    return EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    from sn_tui.cli import review as cli_review

    return cli_review.run(_workspace(args), args)


def _cmd_versions(args: argparse.Namespace) -> int:
    from sn_tui.domain.danish import format_date

    ws = _workspace(args)
    adoptions = ws.versions()
    if args.format == "json":
        _print_json(
            [
                {
                    "tag": a.tag,
                    "dato": a.date.isoformat(),
                    "udvalg": a.udvalg,
                    "moededato": a.moededato.isoformat() if a.moededato else None,
                    "dagsordenpunkt": a.dagsordenpunkt,
                    "ikraft": a.ikraft.isoformat() if a.ikraft else None,
                    "vedtaget_af": a.vedtaget_af,
                }
                for a in adoptions
            ]
        )
        return EXIT_OK
    if not adoptions:
        print("Der er endnu ingen vedtagne versioner.")
    for a in adoptions:
        ikraft = format_date(a.ikraft) if a.ikraft else "–"
        moede = format_date(a.moededato) if a.moededato else "–"
        print(f"{a.tag}  {a.udvalg}, møde {moede}, punkt {a.dagsordenpunkt}; i kraft {ikraft}")
    return EXIT_OK


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": _cmd_init,
    "demo": _cmd_demo,
    "check": _cmd_check,
    "list": _cmd_list,
    "show": _cmd_show,
    "set": _cmd_set,
    "versions": _cmd_versions,
    "new": _cmd_new,
    "adopt": _cmd_adopt,
    "sync": _cmd_sync,
    "diff": _cmd_diff,
    "review": _cmd_review,
    "export": _cmd_export,
    "ssh-setup": _cmd_ssh_setup,
    "delete": _cmd_delete,
}
