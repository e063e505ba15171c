"""Rule 5: personal data in the text. A serviceniveau is public: a CPR number or a person's
e-mail is an error; a telephone number that looks personal is a warning (it may be a
colleague's direct line, or the kommune's own number written without its name).

- CPR numbers: DDMMYY-XXXX or DDMMYYXXXX whose first six digits are a real date (so an amount
  or a case number with ten digits is not taken for one).
- E-mail addresses, except function addresses whose local part is made only of the words in
  `data/persondata.yml` (post@, familie.raadgivning@ …).
- Danish phone numbers: eight digits, optionally +45 or 0045, written together, in pairs or
  4+4, except service numbers (70…, 80…) and numbers that are plainly something else: an
  amount (followed by kr.), a CVR, SE, EAN or case number, or two years ("2024 2025"), and
  numbers written next to the name of an office or department ("Socialafdelingen på tlf. …",
  the words in `data/persondata.yml`). The kommune's own numbers, listed once under `kontakt:`
  in serviceniveau.md's frontmatter, are allowed in every file (`allowed_phone_numbers`; the
  runner drops those findings, since one indsats is checked without the other files).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from sn_tui.domain.checks.findings import Finding
from sn_tui.domain.checks.legal import _data
from sn_tui.domain.checks.legal.context import Context

PHONE_CODE = "persondata-phone"
_CPR = re.compile(r"(?<![\w.,/-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?!\w|[.,/-]\d)")
_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@[\w-]+(?:\.[\w-]+)+")
_SPACE = r"[ \u00a0]"
_PHONE = re.compile(
    rf"(?<![\w+.,/-])(?<!\d{_SPACE})(?:(?:\+|00)45{_SPACE}?)?"
    rf"(?P<number>\d{{2}}(?:{_SPACE}\d{{2}}){{3}}|\d{{4}}{_SPACE}\d{{4}}|\d{{8}})"
    rf"(?!\w|[.,/-]\d|{_SPACE}\d)"
)
_NOT_PHONE_BEFORE = re.compile(
    r"(?:\b(?:cvr|ean|journal|sags?)(?:[ .-]*(?:nr|nummer))?\.?|\b[pj][ .-]*nr\.?"
    r"|(?-i:\bSE)(?:[ .-]*nr)?\.?|\bkr\.?|\bdkk)[\s:]*$",
    re.IGNORECASE,
)
_AMOUNT_AFTER = re.compile(r"^\s*(?:kr\b|kroner\b|dkk\b|,-|mio\b|mia\b)", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_BEFORE_NUMBER = 80  # how far before a number an office name counts as naming it
_QUOTED = re.compile(r"»([^«»]*)«")  # no » inside: a run of » stays linear

_EXPLANATION = (
    "Serviceniveauet er et offentligt dokument og må ikke indeholde oplysninger om "
    "enkeltpersoner (databeskyttelsesforordningen)."
)


@cache
def _function_words() -> frozenset[str]:
    words = _data.strings(_data.load("persondata"), "funktionsord", "persondata.yml")
    return frozenset(w.lower() for w in words)


@cache
def _office_names() -> re.Pattern[str]:
    words = _data.strings(_data.load("persondata"), "kontorord", "persondata.yml")
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:{alternatives})\w*", re.IGNORECASE)


def _names_an_office(before: str) -> bool:
    return _office_names().search(before) is not None


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)[-8:]


def allowed_phone_numbers(meta: object) -> frozenset[str]:
    """The kommune's own numbers (last 8 digits) from serviceniveau.md's `kontakt:` value: a
    number, a list of them, or a mapping of names to numbers."""
    value = meta.get("kontakt") if isinstance(meta, dict) else None
    items: list[object]
    if isinstance(value, dict):
        items = list(value.values())
    elif isinstance(value, list):
        items = list(value)
    else:
        items = [value]
    found = {digits(str(v)) for v in items if isinstance(v, (str, int))}
    return frozenset(d for d in found if len(d) == 8)


def is_allowed_phone(finding: Finding, allowed: frozenset[str]) -> bool:
    """Whether a `persondata-phone` finding quotes one of the kommune's own numbers."""
    quoted = _QUOTED.search(finding.message)
    return finding.code == PHONE_CODE and quoted is not None and digits(quoted[1]) in allowed


@cache
def _service_prefixes() -> tuple[str, ...]:
    data = _data.load("persondata")
    return _data.strings(data, "tilladte_telefonpraefikser", "persondata.yml")


def is_function_address(local_part: str) -> bool:
    words = [w for w in re.split(r"[._+-]", local_part.lower()) if w]
    return bool(words) and all(w in _function_words() for w in words)


def _valid_date(day: int, month: int, year: int) -> bool:
    for century in (1900, 2000):
        try:
            dt.date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False


def cpr_numbers(text: str) -> list[re.Match[str]]:
    out = []
    for match in _CPR.finditer(text):
        day, month, year = (int(match.group(i)) for i in (1, 2, 3))
        if _valid_date(day, month, year) and not _AMOUNT_AFTER.match(text[match.end() :]):
            out.append(match)
    return out


def private_emails(text: str) -> list[re.Match[str]]:
    if "@" not in text:
        return []
    return [m for m in _EMAIL.finditer(text) if not is_function_address(m.group(1))]


def phone_numbers(text: str) -> list[re.Match[str]]:
    out = []
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group("number"))
        if digits.startswith(_service_prefixes()):
            continue
        if _YEAR.match(digits[:4]) and _YEAR.match(digits[4:]):
            continue
        if _NOT_PHONE_BEFORE.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        if _AMOUNT_AFTER.match(text[match.end() :]):
            continue
        if _names_an_office(text[max(0, match.start() - _BEFORE_NUMBER) : match.start()]):
            continue
        out.append(match)
    return out


def check_personal_data(ctx: Context) -> list[Finding]:
    findings = []
    for part in ctx.parts:
        field = ctx.field_of(part)
        for match in cpr_numbers(part.text):
            findings.append(
                ctx.finding(
                    part.start + match.start(),
                    "error",
                    "persondata-cpr",
                    "Teksten indeholder et CPR-nummer.",
                    field=field,
                    explanation=_EXPLANATION,
                    suggestion="Fjern CPR-nummeret; beskriv indsatsen uden at nævne "
                    "enkeltpersoner.",
                )
            )
        for match in private_emails(part.text):
            findings.append(
                ctx.finding(
                    part.start + match.start(),
                    "error",
                    "persondata-email",
                    f"Teksten indeholder en personlig e-mailadresse: »{match.group()}«.",
                    field=field,
                    explanation=_EXPLANATION,
                    suggestion="Brug en funktionspostkasse, fx »familie@kommune.dk«, "
                    "eller fjern adressen.",
                )
            )
        for match in phone_numbers(part.text):
            findings.append(
                ctx.finding(
                    part.start + match.start(),
                    "warning",
                    PHONE_CODE,
                    f"Teksten indeholder et telefonnummer, der kan være en persons: "
                    f"»{match.group()}«.",
                    field=field,
                    explanation=_EXPLANATION + " Kommunens egne numre må gerne stå i teksten: "
                    "skriv afdelingens navn ved nummeret, eller før nummeret op under "
                    "»kontakt:« i serviceniveau.md.",
                    suggestion="Skriv fx »Familieafdelingen, tlf. …«, brug kommunens "
                    "hovednummer, eller fjern nummeret.",
                )
            )
    return findings
