"""Rule 7: warnings a jurist has accepted, with a reason, in the file's frontmatter.

    undtagelser:
      - regel: vurdering-phrase      # a finding's code
        felt: Omfang/varighed        # optional: only in this field
        begrundelse: "Juridisk vurderet 2026-05-01: …"   # required

A matching warning is no longer reported as a warning but as `Accepted`, so the exception stays
visible and is reviewed with the text. Errors cannot be accepted. An exception that cannot be
read, has no reason, names an unknown rule or a rule that only gives errors is itself an error;
one that no longer matches anything is a warning, so stale exceptions get cleaned up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import yaml

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal import _data
from sn_tui.domain.checks.legal.codes import ACCEPTED_SUFFIX, CODES, acceptable
from sn_tui.domain.checks.legal.context import Context
from sn_tui.domain.document import FrontmatterError

KEY = "undtagelser"


@dataclass(frozen=True)
class Exemption:
    """One valid entry of `undtagelser`."""

    regel: str
    felt: str | None
    begrundelse: str
    line: int  # the entry's line in the file

    def matches(self, finding: Finding) -> bool:
        return (
            finding.severity == "warning"
            and finding.code == self.regel
            and (self.felt is None or finding.field == self.felt)
        )


@dataclass(frozen=True)
class Accepted:
    """A warning that an exception accepted, with the jurist's reason."""

    finding: Finding
    begrundelse: str
    line: int  # where the exception is written in the frontmatter

    def as_finding(self) -> Finding:
        """The warning marked as accepted: code "<code>-accepted", the reason as explanation."""
        return replace(
            self.finding,
            code=self.finding.code + ACCEPTED_SUFFIX,
            message=f"Accepteret: {self.finding.message}",
            explanation=f"Begrundelse: {self.begrundelse}",
        )


def _entry_lines(ctx: Context) -> tuple[int, list[int]]:
    """The line of the `undtagelser` key and of each of its entries."""
    default = max(ctx.doc.fm_first_line, 1)
    try:
        root = _data.compose(ctx.doc.frontmatter_text)
    except yaml.YAMLError:
        return default, []
    if not isinstance(root, yaml.MappingNode):
        return default, []
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == KEY:
            key_line = ctx.doc.fm_first_line + key.start_mark.line
            if isinstance(value, yaml.SequenceNode):
                return key_line, [ctx.doc.fm_first_line + n.start_mark.line for n in value.value]
            return key_line, []
    return default, []


def read_exemptions(ctx: Context) -> tuple[list[Exemption], list[Finding]]:
    """The valid exceptions of a file, and an error for each invalid one."""
    if KEY not in ctx.doc.frontmatter_text:
        return [], []
    try:
        meta = ctx.doc.meta
    except FrontmatterError:
        return [], []  # the structural check reports unreadable frontmatter
    entries = meta.get(KEY)
    if entries is None:
        return [], []
    key_line, lines = _entry_lines(ctx)
    if not isinstance(entries, list):
        return [], [_error(ctx, key_line, "undtagelse-invalid", f"'{KEY}' skal være en liste.")]
    valid: list[Exemption] = []
    problems: list[Finding] = []
    for i, entry in enumerate(entries):
        line = lines[i] if i < len(lines) else key_line
        exemption, problem = _read_entry(ctx, entry, line)
        if exemption is not None:
            valid.append(exemption)
        if problem is not None:
            problems.append(problem)
    return valid, problems


def _read_entry(ctx: Context, entry: Any, line: int) -> tuple[Exemption | None, Finding | None]:
    if not isinstance(entry, dict) or not isinstance(entry.get("regel"), str):
        message = "Undtagelsen skal have en 'regel' (koden på den advarsel, der accepteres)."
        return None, _error(ctx, line, "undtagelse-invalid", message)
    regel = entry["regel"].strip()
    felt = entry.get("felt")
    reason = entry.get("begrundelse")
    if regel not in CODES:
        message = f"Undtagelsen nævner en ukendt regel »{regel}«."
        return None, _error(ctx, line, "undtagelse-unknown-rule", message)
    if not acceptable(regel):
        message = f"Reglen »{regel}« giver fejl, og fejl kan ikke accepteres med en undtagelse."
        return None, _error(ctx, line, "undtagelse-error-rule", message)
    if felt is not None and (not isinstance(felt, str) or felt not in ctx.fields):
        message = f"Undtagelsen nævner et ukendt felt »{felt}«."
        return None, _error(ctx, line, "undtagelse-invalid", message)
    if not isinstance(reason, str) or not reason.strip():
        message = f"Undtagelsen for »{regel}« mangler en begrundelse."
        return None, _error(ctx, line, "undtagelse-no-reason", message)
    return Exemption(regel, felt, reason.strip(), line), None


def _error(ctx: Context, line: int, code: str, message: str) -> Finding:
    return ctx.finding(
        0,
        "error",
        code,
        message,
        explanation="En accepteret advarsel skal have en begrundelse, så juristens vurdering "
        "kan ses og gennemgås sammen med teksten.",
        suggestion="Skriv fx: undtagelser: [{regel: vurdering-phrase, felt: Omfang/varighed, "
        'begrundelse: "Juridisk vurderet …"}]',
        line=line,
    )


def apply_exemptions(
    ctx: Context, findings: list[Finding], exemptions: list[Exemption]
) -> tuple[list[Finding], list[Accepted]]:
    """Split `findings` into those still reported and those accepted; warn about unused ones."""
    kept: list[Finding] = []
    accepted: list[Accepted] = []
    used: set[int] = set()
    for finding in findings:
        for i, exemption in enumerate(exemptions):
            if exemption.matches(finding):
                accepted.append(Accepted(finding, exemption.begrundelse, exemption.line))
                used.add(i)
                break
        else:
            kept.append(finding)
    for i, exemption in enumerate(exemptions):
        if i not in used:
            where = f" i feltet {exemption.felt}" if exemption.felt else ""
            kept.append(
                ctx.finding(
                    0,
                    "warning",
                    "undtagelse-unused",
                    f"Undtagelsen for »{exemption.regel}«{where} bruges ikke længere: "
                    "teksten giver ikke den advarsel.",
                    explanation="En undtagelse, der ikke dækker noget, skjuler en fremtidig "
                    "advarsel uden ny vurdering.",
                    suggestion="Fjern undtagelsen fra frontmatter.",
                    line=exemption.line,
                )
            )
    return kept, accepted
