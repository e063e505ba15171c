"""Every regular expression the checks use, timed on 100 KB of text made to make it backtrack.

Run as a program (`python tests/badfiles_regex.py`): it records each pattern compiled by code
under `sn_tui/domain/checks` and `sn_tui/domain/document.py` while the checker is imported and
run (so a rule someone adds is found without naming it here), then runs each on adversarial
inputs built from the pattern's own characters, and prints JSON: every (pattern, input, seconds)
slower than the limit (processor seconds: the host's other work does not count).
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

SIZE = 100_000
LIMIT = 1.0
_WATCHED = ("sn_tui/domain/checks", "sn_tui/domain/document.py", "sn_tui/domain/simple_yaml.py")
_LAW = (
    "§ 32, stk. 1, nr. 3, ",
    "§§ 46 eller 47 ",
    "barnets lov § 90, jf. servicelovens § 84, stk. 1 ",
    "SEL 52, stk. 3, nr. 5 ",
    "lov nr. 1234 af 1. januar 2024 ",
    "§ 1 a, § 2 b, ",
    "12345678 ",
    "1010101234 ",
    "+45 12 34 56 78 ",
    "a.b@c.dk ",
    "**_",
)


def record_patterns() -> list[re.Pattern[str]]:
    """The patterns the checks compile, from importing and running them once."""
    seen: dict[tuple[Any, int], None] = {}
    original = re._compile  # type: ignore[attr-defined]

    def recording(pattern: Any, flags: Any) -> Any:
        compiled = original(pattern, flags)
        caller = sys._getframe(1)
        while caller is not None and caller.f_code.co_filename.endswith(("re/__init__.py",)):
            caller = caller.f_back
        name = caller.f_code.co_filename.replace("\\", "/") if caller is not None else ""
        if isinstance(pattern, str) and any(w in name for w in _WATCHED):
            seen[(pattern, int(flags))] = None
        return compiled

    re._compile = recording  # type: ignore[attr-defined]
    try:
        from badfiles_cases import indsats_text
        from sn_tui.domain.checks.runner import run_checks

        sample = indsats_text("familiebehandling", Indhold="\n".join(_LAW)).encode()
        run_checks({"indsatser/familiebehandling.md": sample})
    finally:
        re._compile = original  # type: ignore[attr-defined]
    return [re.compile(p, f) for p, f in seen]


def adversarial(pattern: re.Pattern[str], size: int = SIZE) -> dict[str, str]:
    """Inputs of SIZE characters that tend to make a backtracking pattern slow: its own
    characters repeated and mixed, law references run together, and each ending in a
    character that makes the match fail late."""
    rng = random.Random(pattern.pattern)
    SIZE = size
    literal = sorted({c for c in re.sub(r"\\.", "", pattern.pattern) if c.isprintable()})
    alphabet = "".join(literal) + " a1.,§"
    inputs = {
        "own characters cycled": (alphabet * (SIZE // len(alphabet) + 1))[:SIZE],
        "own characters mixed": "".join(rng.choice(alphabet) for _ in range(SIZE)),
        "law references run together": ("".join(_LAW) * (SIZE // 200 + 1))[:SIZE],
        "law fragments mixed": "".join(rng.choice(_LAW) for _ in range(SIZE // 10))[:SIZE],
        "digits and spaces": "".join(rng.choice("0123456789 ") for _ in range(SIZE)),
        "one long word": "a" * SIZE,
        "spaces": " " * (SIZE - 1) + "!",
    }
    for char in literal[:12]:
        inputs[f"{char!r} repeated"] = char * (SIZE - 1) + "\x00"
    return inputs


def slow_cases(
    patterns: list[re.Pattern[str]], limit: float = LIMIT, size: int = SIZE
) -> list[dict[str, Any]]:
    slow: list[dict[str, Any]] = []
    for pattern in patterns:
        for name, text in adversarial(pattern, size).items():
            start = time.process_time()
            for _match in pattern.finditer(text):
                pass
            pattern.match(text)
            seconds = time.process_time() - start
            if seconds > limit:
                slow.append({"pattern": pattern.pattern, "input": name, "seconds": seconds})
    return slow


def main() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    patterns = record_patterns()
    print(json.dumps({"patterns": [p.pattern for p in patterns], "slow": slow_cases(patterns)}))


if __name__ == "__main__":
    main()
