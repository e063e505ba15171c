"""Flattening nested frontmatter to dotted keys, as merge and diff both see it."""

from __future__ import annotations

from sn_tui.domain.nested import flatten


def test_nested_mappings_become_dotted_keys_in_order_and_other_values_stay_leaves() -> None:
    meta = {
        "id": "aflastning",
        "økonomi": {"budget_kr": 5, "detaljer": {"år": 2026}},
        "faggrupper": ["rådgiver", "leder"],
        "tom": {},
        1: None,
    }
    assert flatten(meta) == {
        "id": "aflastning",
        "økonomi.budget_kr": 5,
        "økonomi.detaljer.år": 2026,
        "faggrupper": ["rådgiver", "leder"],
        "tom": {},
        "1": None,
    }
    assert list(flatten(meta)) == [
        "id",
        "økonomi.budget_kr",
        "økonomi.detaljer.år",
        "faggrupper",
        "tom",
        "1",
    ]
