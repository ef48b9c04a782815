"""The figures of the two services as their sources state them, parsed from the text.

The sources are the shared documents beside the repository (`../shared`, present in CI and
in every checkout the project is built from): the two seed articles in Kazakh
(`shared/seeds/*.txt`) and `shared/SERVICES.md`, which says which figure comes from where and
records the decisions the articles do not make (the MCI of other years, rounding, ids).

Nothing here is copied from the kiosk's catalogue: each figure is found in the source text by
a small pattern, and a source that no longer states it (or states it two ways) fails the test
with the file and line, instead of a test quietly checking a number against itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
SERVICES_MD = SHARED / "SERVICES.md"
SEEDS = SHARED / "seeds"

ID_CARD = "id-card-restoration"
LICENCE = "driving-licence-replacement"

# Kazakh number words the articles use instead of digits.
KK_NUMBERS = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "он": 10}
KK_MONTHS = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}  # fmt: skip


def fail(message: str) -> None:
    """Fail the running test with `message` alone (no traceback into this module)."""
    pytest.fail(message, pytrace=False)


def number(text: str) -> Decimal:
    """`27 524` -> 27524, `0,2` -> 0.2, `1.25` -> 1.25, `үш` -> 3."""
    word = text.strip().lower()
    if word in KK_NUMBERS:
        return Decimal(KK_NUMBERS[word])
    digits = re.sub(r"[\s\u00a0\u202f\u2009]", "", text).replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?", digits):
        raise ValueError(f"not a number: {text!r}")
    return Decimal(digits)


@dataclass(frozen=True)
class Figure:
    """A figure as a source states it, and where: `seeds/004_….txt:31`."""

    value: Decimal
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.value} (“{self.text}”, {self.where})"


@dataclass(frozen=True)
class Found:
    """One match of a pattern in a source: its groups and the line it starts on."""

    match: re.Match[str]
    where: str

    def __getitem__(self, group: int | str) -> str:
        return self.match[group]

    def figure(self, group: int | str = 1) -> Figure:
        return Figure(number(self.match[group]), self.where, self.match[0].strip())


class Source:
    """One source document. Patterns are matched against its text with every run of
    white space made one space, so a sentence that wraps in the file still matches."""

    def __init__(self, path: Path, name: str) -> None:
        if not path.is_file():
            fail(
                f"{path} is missing: the figure tests read the services' source documents "
                f"from ../shared beside the repository ({SHARED}), as CI checks them out"
            )
        self.name = name
        self.text = path.read_text(encoding="utf-8")
        flat: list[str] = []
        self._offsets: list[int] = []
        for index, char in enumerate(self.text):
            if char.isspace():
                if flat and flat[-1] == " ":
                    continue
                char = " "
            flat.append(char)
            self._offsets.append(index)
        self.flat = "".join(flat)

    def where(self, flat_offset: int) -> str:
        line = self.text.count("\n", 0, self._offsets[flat_offset]) + 1
        return f"{self.name}:{line}"

    def find_all(self, pattern: str, what: str) -> list[Found]:
        """Every match; a source that no longer states `what` fails the test."""
        found = [
            Found(match, self.where(match.start()))
            for match in re.finditer(pattern, self.flat, re.IGNORECASE)
        ]
        if not found:
            fail(f"{self.name} no longer states {what} (looked for /{pattern}/)")
        return found

    def find(self, pattern: str, what: str) -> Found:
        """The first match (see find_all)."""
        return self.find_all(pattern, what)[0]

    def agreed(self, pattern: str, what: str, group: int | str = 1) -> Figure:
        """A figure the source may state more than once: every statement must agree."""
        figures = [found.figure(group) for found in self.find_all(pattern, what)]
        if len({figure.value for figure in figures}) > 1:
            fail(f"{self.name} states {what} differently: " + "; ".join(map(str, figures)))
        return figures[0]


@cache
def services_md() -> Source:
    return Source(SERVICES_MD, "SERVICES.md")


@cache
def seed(service_id: str) -> Source:
    """The seed article of a service: SERVICES.md names it in the service's heading."""
    heading = services_md().find(
        rf"## Service `{re.escape(service_id)}`: [^\n]*?\(seed (\d+)\)",
        f"which seed the service {service_id} comes from",
    )
    paths = sorted(SEEDS.glob(f"{heading[1]}_*.txt"))
    if len(paths) != 1:
        fail(
            f"{heading.where} names seed {heading[1]} for {service_id}, but {SEEDS} holds "
            f"{len(paths)} files {heading[1]}_*.txt (expected one)"
        )
    return Source(paths[0], f"seeds/{paths[0].name}")


# --- seed 004: restoring a lost or stolen ID card -----------------------------------------

AEK_TENGE = r"(\d+(?:,\d+)?) АЕК \((\d[\d ]*) теңге\)"  # `0,2 АЕК (787 теңге)`


@dataclass(frozen=True)
class Expedited:
    """One expedited option the article lists: within `days` working days for `fee` tenge."""

    days: Figure
    fee: Figure


@dataclass(frozen=True)
class IdCardSeed:
    duty_mci: Figure  # 0,2 АЕК
    duty_tenge: Figure  # (787 теңге)
    repeat_after: Figure  # lost more than `екі` (2) times a year ...
    repeat_mci: Figure  # ... costs 1 АЕК
    repeat_tenge: Figure  # (3932 теңге)
    fine_mci: Figure  # over a month without the card: 7 АЕК
    fine_tenge: Figure  # (27 524 теңге)
    warning_from_days: Figure  # 10 days to ...
    warning_to_months: Figure  # ... 1 month: an administrative warning
    standard_days: Figure  # ready within 15 working days
    validity_years: Figure  # cards are issued for 10 years
    expedited: dict[str, tuple[Expedited, ...]]  # by centre class


# The article's headings of the expedited fees, and the centre class each one is
# (SERVICES.md, "Centre class": major = Astana, Almaty, Shymkent, Aktobe; regional = other
# regional centres; district = district centres and towns under a region).
EXPEDITE_HEADINGS = {
    "major": r"Астана, Алматы, Шымкент және Ақтөбе қалаларында",
    "regional": r"қалған облыс орталықтары үшін",
    "district": r"Аудандық және облысқа қарасты қалаларда",
}


@cache
def id_card_seed() -> IdCardSeed:
    text = seed(ID_CARD)
    duty = text.find(rf"Мемлекеттік баж салығы\s*[–-]\s*{AEK_TENGE}", "the state duty")
    repeat = text.find(
        rf"бір жылда (\S+) реттен көп жоғалса.{{0,120}}?{AEK_TENGE}",
        "the duty for a card lost more than twice a year",
    )
    fine = rf"бір айдан (?:артық|асса).{{0,80}}?{AEK_TENGE}"
    warning = text.find(
        r"(\d+) күннен (\d+) айға дейінгі мерзіміне ескерту", "when a warning is given"
    )
    expedited: dict[str, tuple[Expedited, ...]] = {}
    section = text.find(
        r"Жеделдетілген құжат рәсімдеудің құны: (.*?) Жеке куәлік жоғалса",
        "the expedited fees",
    )
    headings = list(EXPEDITE_HEADINGS.items())
    for index, (centre_class, heading) in enumerate(headings):
        end = headings[index + 1][1] if index + 1 < len(headings) else r"$"
        block = re.search(rf"{heading}:(.*?){end}", section[1])
        if block is None:
            fail(f"{section.where}: the expedited fees no longer have the heading /{heading}/")
        offset = section.match.start(1) + block.start(1)
        items = []
        for item in re.finditer(r"- (\d+) жұмыс күніне дейін – (\d[\d ]*) теңге", block[1]):
            where = text.where(offset + item.start())
            items.append(
                Expedited(
                    days=Figure(number(item[1]), where, item[0]),
                    fee=Figure(number(item[2]), where, item[0]),
                )
            )
        if not items:
            fail(f"{section.where}: no expedited fee under /{heading}/")
        expedited[centre_class] = tuple(items)
    return IdCardSeed(
        duty_mci=duty.figure(1),
        duty_tenge=duty.figure(2),
        repeat_after=repeat.figure(1),
        repeat_mci=repeat.figure(2),
        repeat_tenge=repeat.figure(3),
        fine_mci=text.agreed(fine, "the fine for over a month without the card", 1),
        fine_tenge=text.agreed(fine, "the fine for over a month without the card", 2),
        warning_from_days=warning.figure(1),
        warning_to_months=warning.figure(2),
        standard_days=text.find(
            r"дайындау мерзімі\s*[–-]\s*(\d+) жұмыс күніне дейін", "the standard time"
        ).figure(),
        validity_years=text.find(r"жеке куәлік (\d+) жылға беріледі", "the validity").figure(),
        expedited=expedited,
    )


# --- seed 000: replacing a driving licence -------------------------------------------------


@dataclass(frozen=True)
class LicenceSeed:
    duty_mci: Figure  # мемлекеттік баж салығын төлеу (1,25 АЕК), twice
    processing_minutes: Figure  # Қызмет көрсету мерзімі - 60 минут
    fines_older_than_days: Figure  # a fine imposed over 30 days ago blocks the service
    photo_max_years: Figure  # a photo from a document issued within 3 (үш) years
    expired_online_from: date  # "from April of this year" (the year the article is from)
    expired_online_where: str


@cache
def licence_seed() -> LicenceSeed:
    text = seed(LICENCE)
    april = text.find(
        r"ағымдағы жылдың (\w+?)(?:інен|ынан| айынан) бастап жүргізуші куәлігін",
        "from when an expired licence can be replaced online",
    )
    month = next((n for stem, n in KK_MONTHS.items() if april[1].lower().startswith(stem)), None)
    if month is None:
        fail(f"{april.where}: {april[1]!r} is not a month")
    archived = text.find(r"мұрағатталған \d{1,2} \w+ (\d{4})", "the year of the article")
    return LicenceSeed(
        duty_mci=text.agreed(r"мемлекеттік баж салығын төлеу \((\d+,\d+) АЕК\)", "the duty"),
        processing_minutes=text.find(
            r"Қызмет көрсету мерзімі\s*[–-]\s*(\d+) минут", "the processing time"
        ).figure(),
        fines_older_than_days=text.find(
            r"(\d+) күннен астам уақыт бұрын салынған, төленбеген айыппұл", "the unpaid fines"
        ).figure(),
        photo_max_years=text.find(
            r"құжат (\S+) жылдан аспайтын мерзімде берілген", "the age of a reusable photo"
        ).figure(),
        expired_online_from=date(int(archived[1]), month, 1),
        expired_online_where=f"{april.where} and {archived.where}",
    )


# --- SERVICES.md: decisions and figures the articles do not give ---------------------------


@dataclass(frozen=True)
class MciRow:
    year: int
    value: Figure
    rounding: str  # `up` or `half-up`


@dataclass(frozen=True)
class RoundingExample:
    multiple: Decimal
    mci: Decimal
    exact: Decimal
    rounded: Figure


@dataclass(frozen=True)
class TodayRow:
    case: str
    amounts: tuple[Decimal, ...]  # the lines, then the total when there is more than one
    where: str


@dataclass(frozen=True)
class ServicesDoc:
    mci: dict[int, MciRow]
    unpublished_year: int
    unpublished_on: date
    seed_year: int  # the schedule the seed's printed amounts are reproduced with
    seed_amounts: dict[Decimal, Figure]  # MCI multiple -> tenge with that year's schedule
    rounding_examples: tuple[RoundingExample, ...]
    expedite_ids: dict[str, dict[str, Figure]]  # centre class -> option id -> fee
    standard_days: Figure
    id_duty_mci: Figure
    id_repeat_mci: Figure
    id_exempt_mci: Figure
    fine_mci: Figure
    fine_tenge: Figure
    fine_year: int
    licence_duty_mci: Figure
    licence_paid_before_mci: Figure
    licence_minutes: Figure
    expired_online_from: date
    expired_online_where: str
    today: date
    today_mci: Figure
    today_rows: tuple[TodayRow, ...]


@cache
def services_doc() -> ServicesDoc:
    doc = services_md()
    mci = {
        int(row[1]): MciRow(int(row[1]), row.figure(2), row[3])
        for row in doc.find_all(
            r"\| (\d{4}) \| (\d[\d ]*) \| `([a-z-]+)` to whole tenge \|", "the MCI table"
        )
    }
    unpublished = doc.find(
        r"The (\d{4}) MCI was not yet published on (\d{4}-\d\d-\d\d)", "the unpublished year"
    )
    printed = doc.find(
        r"Amounts the seed prints, to be reproduced exactly with the (\d{4}) schedule: (.*?₸)\.",
        "the amounts the seed prints",
    )
    seed_amounts = {
        number(pair[1]): Figure(number(pair[2]), printed.where, pair[0])
        for pair in re.finditer(r"([\d.]+) MCI = (\d[\d ]*) ₸", printed[2])
    }
    examples = [
        RoundingExample(number(m[1]), number(m[2]), number(m[3]), m.figure(4))
        for m in doc.find_all(
            r"\(([\d.]+) × (\d[\d ]*) = ([\d .]+?)\)? (?:→|and the seed prints) (\d[\d ]*)",
            "the rounding examples",
        )
    ]
    expedite: dict[str, dict[str, Figure]] = {}
    for row in doc.find_all(r"- `(major|regional|district)`: ((?:`[\w-]+` [\d ]+ ₸,? ?)+)", "ids"):
        expedite[row[1]] = {
            option[1]: Figure(number(option[2]), row.where, option[0])
            for option in re.finditer(r"`([\w-]+)` (\d[\d ]*) ₸", row[2])
        }
    id_duty = doc.find(
        r"`state-duty` = ([\d.]+) MCI, or ([\d.]+) MCI when `3-or-more` "
        r".{0,60}?or (\d+) when exempt",
        "the ID card's duty",
    )
    fine = doc.find(
        r"a fine of (\d+) MCI \(show the amount at the current MCI: (\d[\d ]*) ₸ in (\d{4})\)",
        "the fine",
    )
    licence = doc.find(
        r"Bill: `state-duty` = ([\d.]+) MCI \(or (\d+) when previously paid\)\. "
        r"Processing time: (\d+) minutes",
        "the driving licence's duty",
    )
    online = doc.find(r"and for `expired` from (\d{4}-\d\d-\d\d)", "when `expired` is online")
    heading = doc.find(
        r"## Amounts a visitor sees today \(visit date (\d{4}-\d\d-\d\d), MCI (\d[\d ]*)\)",
        "the amounts a visitor sees today",
    )
    table = doc.flat[heading.match.end() :].split("## ")[0]
    rows = []
    for row in re.finditer(r"\| ([^|]+?) \| ([^|]*?₸[^|]*?) \|", table):
        amounts = tuple(number(a) for a in re.findall(r"(\d[\d ]*) ₸", row[2]))
        rows.append(TodayRow(row[1], amounts, doc.where(heading.match.end() + row.start())))
    if not rows:
        fail(f"{heading.where}: the table of amounts a visitor sees today has no rows")
    return ServicesDoc(
        mci=mci,
        unpublished_year=int(unpublished[1]),
        unpublished_on=date.fromisoformat(unpublished[2]),
        seed_year=int(printed[1]),
        seed_amounts=seed_amounts,
        rounding_examples=tuple(examples),
        expedite_ids=expedite,
        standard_days=doc.find(
            r"`standard` \(up to (\d+) working days, no fee\)", "the standard time"
        ).figure(),
        id_duty_mci=id_duty.figure(1),
        id_repeat_mci=id_duty.figure(2),
        id_exempt_mci=id_duty.figure(3),
        fine_mci=fine.figure(1),
        fine_tenge=fine.figure(2),
        fine_year=int(fine[3]),
        licence_duty_mci=licence.figure(1),
        licence_paid_before_mci=licence.figure(2),
        licence_minutes=licence.figure(3),
        expired_online_from=date.fromisoformat(online[1]),
        expired_online_where=online.where,
        today=date.fromisoformat(heading[1]),
        today_mci=heading.figure(2),
        today_rows=tuple(rows),
    )
