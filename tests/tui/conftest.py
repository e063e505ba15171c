"""Fixtures for the TUI tests: a fresh copy of the test repository for each test."""

from __future__ import annotations

import asyncio
import gc
import inspect
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_support import make_repo

from sn_tui.services.provisioning import build_demo
from sn_tui.services.workspace import Workspace


@pytest.fixture(scope="session")
def template_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("template") / "repo")


@pytest.fixture
def repo_path(template_repo: Path, tmp_path: Path) -> Path:
    """A fresh clone-by-copy of the test repository for each test."""
    target = tmp_path / "repo"
    subprocess.run(["cp", "-a", str(template_repo), str(target)], check=True)
    return target


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo repository (Eksempel Kommune, three adopted versions), built once."""
    path = tmp_path_factory.mktemp("demo") / "demo"
    build_demo(path).close()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    subprocess.run(["cp", "-a", str(demo_template), str(target)], check=True)
    return target


@pytest.fixture
def workspace(repo_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(str(repo_path), "mette")
    yield ws
    ws.close()


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the developer's own keys.toml, colours or language."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("SN_LANG", raising=False)
    monkeypatch.delenv("SN_THEME", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("SN_USER", raising=False)
    monkeypatch.delenv("SN_REPO", raising=False)


@pytest.fixture(autouse=True)
def own_collector_settings() -> Iterator[None]:
    """Each test starts with the collector as Python sets it: the thresholds are one process's,
    and an app that ended without its unmount (a test that failed, say) must not leave the next
    test's app with automatic full collections off (`tui/idle_gc.py`)."""
    threshold = gc.get_threshold()
    yield
    gc.set_threshold(*threshold)
    gc.unfreeze()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests (Textual's `run_test`) on a fresh event loop, no plugin needed."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True
