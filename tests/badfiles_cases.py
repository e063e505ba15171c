"""Bad content repositories, as plain git makes them: one malformed file among good ones.

`Case(seed)` picks, from a seeded random source, one way to spoil one file (or the layout of
`indsatser/`) and `build` commits it with plain git onto a copy of a good repository whose
first commit is adopted (`vedtaget/2026-01-01`). `run_commands` runs every read command on
it in this process (`sn_tui.cli.main.main`) and returns what a user would see; `problems`
says what broke the promises of issue 16 §8. The tests run a few hundred seeds, the bench
script `bench/badfiles.py` ten thousand.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import random
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent
IDS = ("familiebehandling", "fast-kontaktperson", "stotteophold", "aflastning")
ADOPTED = "2026-01-01"
SECONDS = 2.0  # the most any command may take on one bad file (processor time, see Result)
WALL_SECONDS = 3 * SECONDS  # and on the clock, however busy the host (a wait that hangs)
EXITS = {"check": {0, 1}, "show": {0, 2}}  # every other read command: 0
SPOILED_NAME = "stotteophold"

_BOMB = "\n".join(
    ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
)


def _frontmatter_line(text: str, line: str) -> str:
    return text.replace("---\n", f"---\n{line}\n", 1)


def _in_field(text: str, insert: str) -> str:
    return text.replace("## Indhold\n\n", f"## Indhold\n\n{insert}\n", 1)


def _emphasis(rng: random.Random) -> str:
    return "".join(rng.choice("*_`[]()!\\<>") for _ in range(rng.randrange(5_000, 40_000)))


def _law(rng: random.Random) -> str:
    parts = ["§ 32, stk. 1, nr. ", "§§ 4", "-", " og ", "stk. ", "nr. ", ", ", "jf. ", "SEL "]
    parts += ["barnets lov ", "servicelovens ", "1", "2", "a", " ", "§", "lov nr. "]
    return "".join(rng.choice(parts) for _ in range(rng.randrange(2_000, 12_000)))


def _flip_bytes(data: bytes, rng: random.Random) -> bytes:
    spoiled = bytearray(data)
    for _ in range(rng.randrange(1, 6)):
        spoiled[rng.randrange(min(len(spoiled), 200))] = rng.randrange(256)
    return bytes(spoiled)


Spoil = Callable[[str, random.Random], str | bytes]
SPOILS: dict[str, Spoil] = {
    "impossible-date": lambda t, r: _frontmatter_line(
        t, f"revideret: 2026-02-{r.choice([30, 31])}"
    ),
    "bad-tag": lambda t, r: t.replace("budget_kr: 4500000", "budget_kr: !!int notanint"),
    "bad-float": lambda t, r: _frontmatter_line(t, "sats: !!float tre"),
    "unclosed-quote": lambda t, r: t.replace("titel: ", 'titel: "', 1),
    "unknown-tag": lambda t, r: _frontmatter_line(t, "x: !!python/object:os.system ls"),
    "nul-bytes": lambda t, r: t[: (n := r.randrange(len(t)))] + "\0" * r.randrange(1, 9) + t[n:],
    "broken-lines": lambda t, r: t.replace("\n", r.choice(["\r", "\r\r\n", "\n\r", "\x0b"]), 5),
    "cut-short": lambda t, r: t[: r.randrange(4, 120)],
    "no-closing-fence": lambda t, r: t.replace("\n---\n", "\n", 1),
    "list-frontmatter": lambda t, r: t.replace("---\n", "---\n- a\n- b\n---\n", 1),
    "empty-frontmatter": lambda t, r: "---\n---\n" + t.split("\n---\n", 1)[1],
    "not-utf8": lambda t, r: t.encode().replace(b"Tekst", b"T\xe6kst\xff", 1),
    "flipped-bytes": lambda t, r: _flip_bytes(t.encode(), r),
    "alias-bomb-titel": lambda t, r: _frontmatter_line(t, _BOMB).replace(
        "titel: ", "titel: *a9\nx_titel: ", 1
    ),
    "recursive-alias": lambda t, r: _frontmatter_line(t, "ring: &r [*r]"),
    "deep-nesting": lambda t, r: _frontmatter_line(t, "dyb: " + "[" * 900 + "]" * 900),
    "huge-file": lambda t, r: t + ("Meget lang tekst. " * 70_000),
    "huge-field": lambda t, r: _in_field(t, "ord " * 30_000),
    "long-titel": lambda t, r: t.replace("titel: ", "titel: " + "x" * 5_000, 1),
    "emphasis-run": lambda t, r: _in_field(t, _emphasis(r)),
    "law-references": lambda t, r: t.replace("## Lovhjemmel\n\n", "## Lovhjemmel\n\n" + _law(r)),
    "conflict-markers": lambda t, r: _in_field(t, "<<<<<<< HEAD\nvores\n=======\nderes\n>>>>>>> x"),
    "titel-mapping": lambda t, r: t.replace("titel: ", "titel: {a: 1, b: [2, 3]}\nx: ", 1),
    "control-chars": lambda t, r: t.replace("titel: ", "titel: \x1b]0;hej\x07\x1b[31m", 1),
}
LAYOUTS = ("duplicate-id", "upper-md", "dot-md", "folder-is-file", "folder-named-md")
SERVICENIVEAU = ("alias-bomb-serviceniveau", "broken-serviceniveau")
KINDS = (*SPOILS, *LAYOUTS, *SERVICENIVEAU)


def _top_conftest() -> Any:
    """tests/conftest.py by its path: a test in tests/tui has another module named conftest."""
    spec = importlib.util.spec_from_file_location("badfiles_top_conftest", TESTS / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_TOP = _top_conftest()
indsats_text: Callable[..., str] = _TOP.indsats_text
SRC: Path = _TOP.SRC
cli_env: Callable[..., dict[str, str]] = _TOP.cli_env


def template(folder: Path) -> Path:
    """A good repository with four indsatser, its first state adopted; made once per folder."""
    repo = folder / "template"
    if not repo.exists():
        _TOP.make_repo(repo, ids=IDS)
        git(repo, "config", "user.name", "Plain Git")
        git(repo, "config", "user.email", "git@testrup.dk")
        git(repo, "config", "gc.auto", "0")  # the test's own commits start no gc behind it
        git(repo, "tag", "-a", f"vedtaget/{ADOPTED}", "-m", "Vedtaget")
    return repo


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


@dataclass
class Case:
    seed: int
    kind: str = ""
    spoiled: list[str] = field(default_factory=list)  # paths that may not be readable
    gone: list[str] = field(default_factory=list)  # good indsatser the spoil took away

    def __post_init__(self) -> None:
        rng = random.Random(self.seed)
        self.kind = KINDS[self.seed % len(KINDS)]
        self._rng = rng

    def build(self, folder: Path) -> Path:
        """The bad repository, committed with plain git on main."""
        repo = folder / f"case-{self.seed}"
        shutil.copytree(template(folder), repo, symlinks=True)
        path = f"indsatser/{SPOILED_NAME}.md"
        text = (repo / path).read_text(encoding="utf-8")
        if self.kind in SPOILS:
            spoiled = SPOILS[self.kind](text, self._rng)
            data = spoiled if isinstance(spoiled, bytes) else spoiled.encode()
            (repo / path).write_bytes(data)
            self.spoiled = [path]
        elif self.kind == "duplicate-id":
            (repo / "indsatser/kopi.md").write_text(text, encoding="utf-8")
            self.spoiled = ["indsatser/kopi.md"]
        elif self.kind in ("upper-md", "dot-md"):
            name = f"{SPOILED_NAME}.MD" if self.kind == "upper-md" else ".MD"
            (repo / path).rename(repo / "indsatser" / name)
            self.spoiled = [f"indsatser/{name}"]
            self.gone = [path]
        elif self.kind == "folder-named-md":
            (repo / path).unlink()
            (repo / path).mkdir()
            (repo / path / "tekst.md").write_text(text, encoding="utf-8")
            self.spoiled, self.gone = [path], [path]
        elif self.kind == "folder-is-file":
            shutil.rmtree(repo / "indsatser")
            (repo / "indsatser").write_text("indsatserne var her\n", encoding="utf-8")
            self.spoiled = ["indsatser"]
            self.gone = [f"indsatser/{i}.md" for i in IDS]
        else:
            doc = (repo / "serviceniveau.md").read_text(encoding="utf-8")
            if self.kind == "alias-bomb-serviceniveau":
                doc = _frontmatter_line(doc, _BOMB).replace("titel: ", "titel: *a9\nx: ", 1)
            else:
                doc = doc.replace("---\n", "---\nkommune: 'Testrup\n", 1)
            (repo / "serviceniveau.md").write_text(doc, encoding="utf-8")
            self.spoiled = ["serviceniveau.md"]
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"Ødelagt: {self.kind}")
        return repo


@dataclass(frozen=True)
class Result:
    command: str
    code: int
    out: str
    err: str
    seconds: float  # processor time of this process: the clock of a shared host counts the
    wall: float  # neighbours' work too (the machine this runs on is never idle)


def _captured() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="replace", write_through=True)


def run_cli(repo: Path, *args: str) -> Result:
    """`sn-tui ARGS --repo REPO` in this process, with what it wrote to stdout and stderr."""
    from sn_tui.cli.main import main

    out, err = _captured(), _captured()
    start, used = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _closing_workspaces():
        code = main([*args, "--repo", str(repo), "--user", "ole"])
    wall, seconds = time.perf_counter() - start, time.process_time() - used
    texts = [stream.buffer.getvalue().decode("utf-8", "replace") for stream in (out, err)]  # type: ignore[attr-defined]
    return Result(" ".join(args), code, texts[0], texts[1], seconds, wall)


@contextlib.contextmanager
def _closing_workspaces() -> Iterator[None]:
    """Close what a command opened (its process would simply end): no git process lingers."""
    from sn_tui.services.workspace import Workspace

    opened: list[Workspace] = []
    original = Workspace.__dict__["open"]  # the classmethod itself, put back as it was

    def recording(cls: type[Workspace], *args: str | None) -> Workspace:
        ws = original.__func__(cls, *args)
        opened.append(ws)
        return ws

    Workspace.open = classmethod(recording)  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        Workspace.open = original  # type: ignore[method-assign]
        for ws in opened:
            ws.close()


def run_commands(repo: Path, out_dir: Path) -> list[Result]:
    """Every read command a user runs on the repository."""
    results = [
        run_cli(repo, "check"),
        run_cli(repo, "list"),
        run_cli(repo, "list", "--format", "json"),
        run_cli(repo, "diff", ADOPTED, "main"),
        run_cli(repo, "diff", ADOPTED, "main", "--format", "json"),
        run_cli(repo, "export", "--format", "md", "-o", str(out_dir / "export.md")),
        run_cli(repo, "review", "status"),
    ]
    results[5] = _with_file(results[5], out_dir / "export.md")
    results += [run_cli(repo, "show", ident) for ident in (SPOILED_NAME, IDS[0])]
    return results


def _with_file(result: Result, path: Path) -> Result:
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    path.unlink(missing_ok=True)
    return Result(result.command, result.code, text, result.err, result.seconds, result.wall)


def repository_files(repo: Path) -> dict[str, tuple[int, int]]:
    """Every file under `.git` (and the work tree) with its size and modification time."""
    found: dict[str, tuple[int, int]] = {}
    for root, _dirs, files in os.walk(repo):
        for name in files:
            path = Path(root, name)
            info = path.lstat()
            found[str(path.relative_to(repo))] = (info.st_size, info.st_mtime_ns)
    return found


def problems(case: Case, results: list[Result]) -> list[str]:
    """What broke a promise: an undocumented exit, a traceback, a command over `SECONDS`, a
    good indsats missing from an output, or a spoiled file neither shown nor named."""
    found: list[str] = []
    good = [i for i in IDS if f"indsatser/{i}.md" not in case.spoiled + case.gone]
    for result in results:
        name = result.command.split()[0]
        where = f"{case.kind} (seed {case.seed}): {result.command}"
        if result.code not in EXITS.get(name, {0}):
            found.append(f"{where}: exit {result.code}: {result.err.strip()[:300]}")
            continue
        if "Traceback" in result.err or "Uventet fejl" in result.err:
            found.append(f"{where}: {result.err.strip()[:300]}")
        if result.seconds > SECONDS or result.wall > WALL_SECONDS:
            found.append(f"{where}: took {result.seconds:.1f} s ({result.wall:.1f} s on the clock)")
        if name == "show":
            ident = result.command.split()[1]
            if ident in good and result.code != 0:
                found.append(f"{where}: a good indsats could not be shown: {result.err[:200]}")
            named = [f"indsatser/{ident}", *case.spoiled]
            if result.code == 2 and not any(path in result.err for path in named):
                found.append(f"{where}: the sentence names no file: {result.err[:200]}")
            continue
        found += _complete(case, result, good, where)
    return found


def _complete(case: Case, result: Result, good: list[str], where: str) -> list[str]:
    """Every good indsats in the output; every spoiled file in it, or named in it and on
    stderr; and nothing reported as removed (the spoil removed no indsats)."""
    import json

    found: list[str] = []
    name = result.command.split()[0]
    if name in ("list", "review", "export"):
        for ident in good:
            if ident.replace("-", " ").lower() not in result.out.lower().replace("-", " "):
                found.append(f"{where}: {ident} is missing from the output")
    for path in case.spoiled:
        if name == "check":
            if path not in result.out:
                found.append(f"{where}: {path} is not named among the findings")
            continue
        named = path in result.err and path in result.out
        stem = path.rsplit("/", 1)[-1].split(".")[0].lower()
        shown = name != "diff" and stem and stem in result.out.lower()
        if path in result.err and path not in result.out:
            found.append(f"{where}: {path} is named on stderr but not in the output")
        elif name != "diff" and path != "serviceniveau.md" and not (shown or named):
            found.append(f"{where}: {path} is neither in the output nor named")
    if name == "diff" and "json" in result.command:
        removed = json.loads(result.out)["summary"]["removed"]
        if removed:
            found.append(f"{where}: {removed} indsatser reported as removed")
    return found


@contextlib.contextmanager
def own_database(folder: Path) -> Iterator[None]:
    """The review database outside the repository, so `review status` writes nothing there;
    made (and the review layer imported) before any command is timed: its first creation
    takes a second or two whatever the files hold."""
    old = os.environ.get("SN_DATABASE_URL")
    os.environ["SN_DATABASE_URL"] = f"sqlite:///{folder / 'reviews.db'}"
    try:
        run_cli(template(folder), "review", "status")
        yield
    finally:
        if old is None:
            os.environ.pop("SN_DATABASE_URL", None)
        else:
            os.environ["SN_DATABASE_URL"] = old
