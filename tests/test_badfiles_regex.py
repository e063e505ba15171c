"""Issue 16 §8: every rule of the checker is linear in the length of the text it reads.

The rules run under the field while someone types, so one that backtracks (or rescans a long
sentence for each reference in it) freezes the editor. Nothing here names a rule: the probe
records every pattern the checks compile, and the whole checker runs on each kind of input,
so a rule added later is covered too.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from badfiles_cases import cli_env, indsats_text
from badfiles_regex import SIZE, adversarial, slow_cases
from sn_tui.domain.checks.legal.check import indsats_report
from sn_tui.domain.document import Document

PROBE = Path(__file__).with_name("badfiles_regex.py")


@pytest.mark.slow
def test_every_pattern_of_the_checks_takes_under_a_second_on_100_kb() -> None:
    # A process of its own: the probe must see the patterns being compiled, on import.
    proc = subprocess.run(
        [sys.executable, str(PROBE)],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=300,  # a pattern that backtracks exponentially never returns: this fails
        check=True,
    )
    report = json.loads(proc.stdout)
    assert len(report["patterns"]) > 30  # it found the rules' patterns, not nothing
    assert any("§" in p for p in report["patterns"])
    assert report["slow"] == []


def test_the_probe_catches_a_pattern_that_backtracks() -> None:
    quadratic = re.compile(r"[ \t]+$")  # tries every start of a long run of blanks
    assert slow_cases([quadratic], limit=0.05, size=10_000)
    linear = re.compile(r"(?<![ \t])[ \t]+$")  # starts only where a run of blanks starts
    assert not slow_cases([linear], limit=0.05, size=10_000)


_INPUTS = adversarial(re.compile(r"§ \d+, stk\. \d+, nr\. \d+ \*_[(]"))


@pytest.mark.slow
@pytest.mark.parametrize("field", ["Indhold", "Lovhjemmel"])
def test_all_rules_on_a_100_kb_field_stay_under_two_seconds(field: str) -> None:
    """Every legal and language rule at once (the editor's cap on a field is lower; the rules
    themselves do not rely on it)."""
    slow = []
    for name, text in _INPUTS.items():
        doc = Document.parse(indsats_text("familiebehandling", **{field: text}))
        start = time.process_time()
        indsats_report("indsatser/familiebehandling.md", doc)
        seconds = time.process_time() - start
        if seconds > 2.0:
            slow.append(f"{name}: {seconds:.1f} s")
    assert len(text) == SIZE
    assert not slow


def _rules() -> list[Callable[..., Any]]:
    """Every rule function of the legal and language checks that reads a file's context
    alone (`check_*(ctx)`), found by name in each module, so one added later is timed too."""
    import sn_tui.domain.checks.legal as legal

    found = []
    for info in pkgutil.iter_modules(legal.__path__):
        module = importlib.import_module(f"{legal.__name__}.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("check_") or function.__module__ != module.__name__:
                continue
            required = [
                p
                for p in inspect.signature(function).parameters.values()
                if p.default is inspect.Parameter.empty and p.kind is not p.KEYWORD_ONLY
            ]
            if len(required) == 1:
                found.append(function)
    return found


@pytest.mark.slow
def test_each_rule_on_a_100_kb_field_takes_under_a_second() -> None:
    from sn_tui.domain.checks.legal.context import Context
    from sn_tui.domain.fields import FIELDS

    rules = _rules()
    assert len(rules) >= 5  # check_references, check_terms, check_personal_data …
    slow = []
    for name, text in _INPUTS.items():
        doc = Document.parse(indsats_text("familiebehandling", Indhold=text, Lovhjemmel=text))
        for rule in rules:
            ctx = Context("indsatser/familiebehandling.md", doc, FIELDS)
            start = time.process_time()
            rule(ctx)
            seconds = time.process_time() - start
            if seconds > 1.0:
                slow.append(f"{rule.__module__}.{rule.__name__} on {name}: {seconds:.1f} s")
    assert not slow
