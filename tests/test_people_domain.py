"""The pure parts of issue 20: faggrupper.yml edited line by line, logins and names typed."""

from __future__ import annotations

from sn_tui.domain.edits import FAGGRUPPER, parse_meta_inputs
from sn_tui.domain.people import valid_login, with_group, with_group_name, without_group

GROUPS = """\
# Faggrupperne.
- id: myndighed
  navn: Myndighedsrådgivere
- id: jura
  navn: Jurister   # også eksterne advokater

- id: ppr
  navn: PPR
"""


def test_faggrupper_yml_changes_only_the_lines_of_the_group() -> None:
    renamed = with_group_name(GROUPS, "jura", "Juristerne")
    assert renamed == GROUPS.replace("navn: Jurister ", "navn: Juristerne ")
    assert without_group(GROUPS, "jura") == GROUPS.replace(
        "- id: jura\n  navn: Jurister   # også eksterne advokater\n", ""
    )
    assert with_group(GROUPS, "skole", "Skole") == GROUPS + "- id: skole\n  navn: Skole\n"
    assert with_group("", "skole", "Skole") == "- id: skole\n  navn: Skole\n"


def test_a_login_follows_the_os_and_ssh_rules() -> None:
    assert valid_login("anne.m-2_x")
    for bad in ("Anne", "anne m", "", "..", "æbel"):
        assert not valid_login(bad)


def test_the_form_takes_a_faggruppe_by_its_name() -> None:
    known = {"jura": "Jurister", "ppr": "PPR", "myndighed": "Myndighedsrådgivere"}
    texts = {
        "titel": "T",
        "kategori": "K",
        "økonomi.budget_kr": "1",
        "økonomi.forventet_antal": "1",
    }
    values, problems = parse_meta_inputs({**texts, FAGGRUPPER: "jurister, ppr myndighed"}, known)
    assert FAGGRUPPER not in problems
    assert values[FAGGRUPPER] == ["jura", "ppr", "myndighed"]
    _values, problems = parse_meta_inputs({**texts, FAGGRUPPER: "Kantinen"}, known)
    assert problems[FAGGRUPPER] == ("unknown_group", "Kantinen")
