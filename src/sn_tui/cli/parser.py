"""The `sn-tui` command line as an argparse tree: every command, its arguments and their help."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
from collections.abc import Callable
from typing import Any, NoReturn

from sn_tui.cli.exits import UsageError
from sn_tui.i18n import t


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _formatter())
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # argparse's own English words become one line
        raise UsageError(t("cli.usage", detail=message))


@functools.cache
def _formatter() -> Callable[..., argparse.HelpFormatter]:
    """argparse's formatter at the terminal's width, asked once: argparse asks the terminal
    for every argument it adds (~100 system calls for the whole command line)."""
    import shutil

    width = shutil.get_terminal_size().columns - 2
    return functools.partial(argparse.HelpFormatter, width=width)


class _Subcommands:
    """Subcommands that also accept --repo, --user, --lang and --db after their name."""

    def __init__(self, parser: argparse.ArgumentParser, dest: str, required: bool = False) -> None:
        self._common = _Parser(add_help=False)
        _add_common(self._common, argparse.SUPPRESS)
        self._action = parser.add_subparsers(dest=dest, parser_class=_Parser, required=required)
        self._shown: list[str] = []

    def add(self, name: str, *, hidden: bool = False, **kwargs: Any) -> argparse.ArgumentParser:
        """A subcommand; a `hidden` one (run by git, not by people) is left out of the help."""
        if not hidden:
            self._shown.append(name)
            self._action.metavar = "{" + ",".join(self._shown) + "}"
        return self._action.add_parser(name, parents=[self._common], **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sn-tui",
        description="Skriv, review, vedtag og sammenlign kommunens serviceniveau.",
    )
    _add_common(parser, None)
    sub = _Subcommands(parser, "command")

    p = sub.add("init", help="opret et nyt, tomt content-repository")
    p.add_argument("path")
    p.add_argument("--kommune", help="kommunens navn (ellers spørges der)")
    p.add_argument("--admin", help="den første admins login (standard: --user eller dit login)")
    p.add_argument("--navn", help="den første admins navn")
    p.add_argument(
        "--faggrupper", help="standardfaggrupper at oprette, kommasepareret id (standard: alle)"
    )
    p.add_argument("--bare", action="store_true", help="uden arbejdsmappe (til en fælles server)")

    p = sub.add("demo", help="byg demo-repositoriet (Eksempel Kommune) og åbn det")
    p.add_argument("path", nargs="?", default="sn-tui-demo")
    p.add_argument("--no-tui", action="store_true", help="byg kun, åbn ikke TUI'en")
    p.add_argument("--reset", action="store_true", help="byg forfra, selv om mappen findes")

    p = sub.add("check", help="valider hele serviceniveauet")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--at", default="main", help="version eller revision (standard: main)")
    p.add_argument(
        "--only", help="kun disse kategorier: lovhjemmel,vurdering,termer,persondata,lix"
    )

    p = sub.add("list", help="list indsatserne")
    p.add_argument("--at", default=None, help="vedtaget version, dato eller revision")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add("show", help="vis én indsats")
    p.add_argument("id")
    p.add_argument("--at", default=None, help="vedtaget version, dato eller revision")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add("set", help="ret én nøgle eller ét felt i en indsats (til scripts)")
    p.add_argument("id")
    p.add_argument("key", nargs="?", help="frontmatter-nøgle, fx titel eller økonomi.budget_kr")
    p.add_argument("value", nargs="?")
    p.add_argument("--field", help="et af de otte felter, fx Formål")
    p.add_argument("--text-file", help="fil med feltets nye tekst ('-' for stdin)")
    p.add_argument("--base", help="den commit, ændringen bygger på (standard: main nu)")
    p.add_argument("--force", action="store_true", help=t("guard.force_help"))

    p = sub.add("new", help="opret en ny indsats ud fra skabelonen")
    p.add_argument("id")
    p.add_argument("--titel", required=True)
    p.add_argument("--kategori", required=True)
    p.add_argument(
        "--faggrupper", default="", help="kommasepareret, fx myndighed,ppr (standard: alle)"
    )
    p.add_argument("--force", action="store_true", help=t("guard.force_help"))

    p = sub.add("delete", help="slet en indsats (sletningen er en commit)")
    p.add_argument("id")

    p = sub.add("adopt", help="vedtag main som en ny version (godkender eller admin)")
    p.add_argument("--date", required=True, type=_date_arg, help="vedtagelsesdato ÅÅÅÅ-MM-DD")
    p.add_argument("--udvalg", required=True, help="fx Børne- og Ungeudvalget")
    p.add_argument("--punkt", required=True, help="dagsordenpunkt")
    p.add_argument("--moededato", type=_date_arg, help="mødedato (standard: vedtagelsesdatoen)")
    p.add_argument("--ikraft", type=_date_arg, help="ikrafttrædelsesdato")
    p.add_argument("--yes", action="store_true", help=t("guard.adopt_yes_help"))

    p = sub.add("sync", help="hent fra og send til Git-remoten (flere værter)")
    p.add_argument("--remote", help="remotens navn (standard: sn-tui.remote eller origin)")
    p.add_argument(
        "--resolve",
        choices=["mine", "theirs"],
        help="afgør ventende konflikter fra en tidligere sync: min eller deres tekst",
    )

    p = sub.add("ssh-setup", help="opsæt SSH-adgang, så et login kun når sn-tui")
    p.add_argument("what", choices=["keys", "sshd", "share", "hook"])
    p.add_argument("--keys", help="mappe med <login>.pub (til 'keys')")
    p.add_argument("--group", help="OS-gruppen (til 'sshd' og 'share')")
    p.add_argument("--sn-tui", dest="sn_tui", help="stien til sn-tui (standard: denne)")
    p.add_argument("-o", "--output", help="skriv til filen i stedet for stdout")

    # run by the shared repository's pre-receive hook, which `ssh-setup hook` installs
    p = sub.add("hook", hidden=True)
    p.add_argument("which", choices=["pre-receive"])

    p = sub.add("diff", help="sammenlign to versioner (vedtaget, main eller revision)")
    p.add_argument("a", help="fx vedtaget/2026-03-12, 2026-03-12 eller main")
    p.add_argument("b")
    p.add_argument(
        "--format", choices=["text", "md", "html", "docx", "pdf", "json"], default="text"
    )
    p.add_argument("-o", "--output", help="skriv til filen (påkrævet for docx/pdf i en terminal)")

    p = sub.add("export", help="hele serviceniveauet i skabelonens form")
    p.add_argument("--at", default=None, help="vedtaget version, dato eller revision")
    p.add_argument("--format", choices=["md", "html", "docx", "pdf"], required=True)
    p.add_argument("-o", "--output", required=True, help="filen ('-' for stdout)")

    p = sub.add("hent", help="send en fil fra din eksportmappe til stdout (over SSH)")
    p.add_argument("name", nargs="?", help="filens navn (uden: vis eksportmappens filer)")

    p = sub.add("import", help="et eksisterende serviceniveau fra .docx, .html eller .md")
    p.add_argument("sources", nargs="+", metavar="KILDE", help="filer at importere")
    p.add_argument("--dry-run", action="store_true", help="vis hvad der ville ske; skriv intet")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--kategori", default="", help="kategori, hvor kilden ikke har en overskrift")
    p.add_argument("--faggrupper", default="", help="kommasepareret (standard: repositoriets)")
    p.add_argument("--ny", action="store_true", help="afvis indsatser, der findes i forvejen")
    p.add_argument("--force", action="store_true", help="importér trods personoplysninger")

    p = sub.add("aflever", help="gem en fil fra stdin i din importmappe (over SSH)")
    p.add_argument("name", metavar="NAVN", help="filnavnet, fx serviceniveau.docx")

    p = sub.add("dagsorden", help="udvalgets dagsordenpunkt for ændringen fra A til B")
    p.add_argument("a", help="fx vedtaget/2026-03-12 (den gældende version)")
    p.add_argument("b", help="fx main (forslaget)")
    p.add_argument("--format", choices=["docx", "pdf", "md"], default="docx")
    p.add_argument("-o", "--output", required=True, help="filen ('-' for stdout, kun md)")
    p.add_argument("--indstilling", default="", help="indstillingens tekst (ellers en standard)")

    _add_review(sub)
    _add_people(sub)
    _add_datagrundlag(sub)

    p = sub.add("versions", help="vedtagne versioner, nyeste først")
    p.add_argument("--format", choices=["text", "json"], default="text")
    return parser


def _add_review(sub: _Subcommands) -> None:
    review = sub.add("review", help="faggruppernes godkendelser og høringsrunder")
    rsub = _Subcommands(review, "review_command", required=True)
    p = rsub.add("status", help="matrix af indsatser og faggrupper")
    p.add_argument("--round", help="kun denne høringsrunde")
    p.add_argument("--format", choices=["table", "json"], default="table")
    for name, verdict, needs_text in (
        ("approve", "approved", False),
        ("request-changes", "changes_requested", True),
        ("comment", "comment", True),
    ):
        p = rsub.add(name, help=f"{name} på en faggruppes vegne")
        p.add_argument("id")
        p.add_argument("--group", required=True, help="faggruppens id")
        p.add_argument("--comment", required=needs_text, default="")
        p.set_defaults(verdict=verdict)
    p = rsub.add("history", help="alle reviews af en indsats, nyeste først")
    p.add_argument("id")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = rsub.add("queue", help="hvad dine faggrupper mangler at se på")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = rsub.add("round", help="høringsrunder: start, status, close")
    round_sub = _Subcommands(p, "round_command", required=True)
    q = round_sub.add("start")
    q.add_argument("name")
    q.add_argument("--deadline", required=True, type=_date_arg)
    q.add_argument("--groups", default="", help="kommasepareret (standard: alle)")
    q.add_argument("--indsatser", default="", help="kommasepareret (standard: alle)")
    q = round_sub.add("status")
    q.add_argument("name", nargs="?")
    q.add_argument("--format", choices=["table", "json"], default="table")
    q = round_sub.add("close")
    q.add_argument("name")
    q = round_sub.add("extend", help="giv en åben høringsrunde en ny frist")
    q.add_argument("name")
    q.add_argument("--deadline", required=True, type=_date_arg)


def _add_people(sub: _Subcommands) -> None:
    people = sub.add("people", help="personer og roller i adgang.yml (kun admin)")
    psub = _Subcommands(people, "people_command", required=True)
    p = psub.add("list", help="alle personer")
    p.add_argument("--format", choices=["text", "json"], default="text")
    for name, needs_navn in (("add", True), ("set", False)):
        p = psub.add(name, help="tilføj en person" if needs_navn else "ret en person")
        p.add_argument("login")
        p.add_argument("--navn", required=needs_navn)
        p.add_argument("--email")
        p.add_argument("--faggrupper", help="kommasepareret id eller navn, fx jura,PPR")
        p.add_argument("--roller", help="kommasepareret: redaktør,godkender,admin")
    p = psub.add("remove", help="fjern en person")
    p.add_argument("login")

    groups = sub.add("groups", help="faggrupperne i faggrupper.yml (kun admin)")
    gsub = _Subcommands(groups, "groups_command", required=True)
    p = gsub.add("list", help="alle faggrupper")
    p.add_argument("--format", choices=["text", "json"], default="text")
    for name in ("add", "rename"):
        p = gsub.add(name, help="tilføj en faggruppe" if name == "add" else "giv et nyt navn")
        p.add_argument("id")
        p.add_argument("--navn", required=True)
    p = gsub.add("remove", help="fjern en faggruppe")
    p.add_argument("id")
    what = p.add_mutually_exclusive_group()
    what.add_argument(
        "--erstat-med", dest="erstat_med", help="faggruppe, der overtager indsatserne"
    )
    what.add_argument(
        "--fjern-fra-indsatser", action="store_true", help="indsatserne mister kravet"
    )

    p = sub.add("deleted", help="slettede indsatser: id, titel, hvem og hvornår")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p = sub.add("restore", help="gendan en slettet indsats som en ny commit")
    p.add_argument("id")
    p = sub.add("revert", help="tilbagefør en indsats til en tidligere commit eller version")
    p.add_argument("id")
    p.add_argument("--to", required=True, help="commit, vedtaget/ÅÅÅÅ-MM-DD eller dato")
    p.add_argument("--field", action="append", help="kun dette felt (kan gentages)")


def _add_datagrundlag(sub: _Subcommands) -> None:
    data = sub.add("datagrundlag", help="antal børn og udgifter pr. indsats og år")
    data.add_argument("--aar", type=_year_arg, metavar="ÅR", help="kun dette år (standard: alle)")
    data.add_argument("--at", default=None, help="vedtaget version, dato eller revision")
    data.add_argument("--format", choices=["text", "json"], default="text")
    dsub = _Subcommands(data, "data_command")
    p = dsub.add("import", help="en CSV- eller XLSX-fil fra økonomisystemet som ét års tal")
    p.add_argument("file", metavar="FIL", help="CSV- eller XLSX-filen fra økonomisystemet")
    p.add_argument(
        "--aar", type=_year_arg, required=True, metavar="ÅR", help="året, tallene gælder, fx 2025"
    )
    p.add_argument("--ark", metavar="NAVN", help="arket i en XLSX-fil med flere ark")
    p.add_argument("--kilde", default="", help="fx 'Prisme 2025-01-31' (standard: filnavnet)")
    p.add_argument("--dry-run", action="store_true", help="vis hvad der ville ske; skriv intet")
    p.add_argument("--format", choices=["text", "json"], default="text")


def _year_arg(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(t("datagrundlag.error.bad_year", text=text))
    return int(text)


def _add_common(parser: argparse.ArgumentParser, default: str | None) -> None:
    parser.add_argument(
        "--repo", default=default, help="content-repositoriet (ellers $SN_REPO eller mappen her)"
    )
    parser.add_argument(
        "--user", default=default, help="dit login (ellers $SN_USER eller OS-login)"
    )
    parser.add_argument("--lang", choices=["da", "en"], default=default, help="sprog i TUI'en")
    parser.add_argument(
        "--db",
        default=default,
        help="database-URL (ellers $SN_DATABASE_URL, .git/sn-tui-database-url eller SQLite i .git)",
    )


def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.not_a_date", text=text)) from None
