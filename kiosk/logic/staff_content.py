"""What the staff screens say: the PIN pad, the dashboard, and the out-of-order notice
visitors see. Built from facts the staff desk gathers; the Qt screens paint them."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.content import Choice, Fact, Message, ScreenContent
from kiosk.logic.i18n import LANGUAGES, Language, Strings
from kiosk.logic.money import MciYear
from kiosk.logic.screen_content import Texts

ACTIONS = {  # the dashboard's buttons and their texts
    "serve-visitor": "attendant.serve",
    "test-print": "attendant.test-print",
    "reload-catalogue": "attendant.reload",
    "out-of-order": "attendant.out-of-order",
    "attendant-logout": "attendant.logout",
    "exit-kiosk": "attendant.exit",
}
DIGITS = "1234567890"


@dataclass(frozen=True)
class DeskFacts:
    """How the kiosk is, for the dashboard. `catalogue_problem` is the first problem of the
    catalogue check (None: it checks clean); `mci` is this year's (None: not published);
    `failed_print` is the last print when it failed or is unknown: (reference, status,
    detail); the counts are today's sessions by service id, outcome and language, and by
    the screen where visitors gave up."""

    year: int
    printer: str
    catalogue_version: str
    catalogue_problem: str | None = None
    mci: MciYear | None = None
    next_year_missing: bool = False
    failed_print: tuple[str, str, str] | None = None
    services: dict[str | None, int] = field(default_factory=dict)
    outcomes: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    gave_up: dict[str, int] = field(default_factory=dict)
    slips: tuple[str, ...] = ()
    audit: tuple[tuple[str, str], ...] = ()
    out_of_order: bool = False
    message: str = ""
    journal_problems: tuple[str, ...] = ()  # not writing, unreadable, found corrupt


def pin(strings: Strings, language: Language, message: str = "") -> ScreenContent:
    """The staff PIN pad, with why the last PIN was refused."""
    t = Texts(strings, language)
    return ScreenContent(
        screen="pin",
        language=language,
        heading=t("attendant.pin-title"),
        text=message,
        choices=(
            *(Choice(f"pin-{digit}", digit) for digit in DIGITS),
            Choice("pin-clear", t("attendant.clear")),
            Choice("pin-ok", t("attendant.ok")),
            Choice("pin-cancel", t("attendant.cancel")),
        ),
    )


def out_of_order(strings: Strings, language: Language, detail: str = "") -> ScreenContent:
    """Out of order, said in every language at once; `detail`: why, for staff (a kiosk that
    could not start)."""
    return ScreenContent(
        screen="out-of-order",
        language=language,
        heading=strings.text("out-of-order.text", language),
        facts=tuple(
            Fact(f"out-of-order-{code}", strings.text("out-of-order.text", code))
            for code in LANGUAGES
        )
        + ((Fact("out-of-order-detail", detail),) if detail else ()),
    )


def dashboard(
    facts: DeskFacts, catalogue: Catalogue, strings: Strings, language: Language
) -> ScreenContent:
    """Status (problems marked ⚠), today's figures, slips to reprint, the audit log and the
    staff actions."""
    t = Texts(strings, language)
    year = str(facts.year)
    status = [_status(t("attendant.printer", status=facts.printer))]
    result = facts.catalogue_problem or "OK"
    line = t("attendant.catalogue", version=facts.catalogue_version, result=result)
    status.append(_status(line, problem=facts.catalogue_problem is not None))
    if facts.mci is not None:
        status.append(_status(t("attendant.mci", year=year, value=t.money(facts.mci.value))))
    else:
        status.append(_status(t("attendant.mci-missing", year=year), problem=True))
    if facts.next_year_missing:
        next_year = str(facts.year + 1)
        status.append(_status(t("attendant.mci-next-missing", year=next_year), problem=True))
    if facts.failed_print is not None:
        reference, outcome, detail = facts.failed_print
        failed = t("attendant.last-print", reference=reference, status=outcome, detail=detail)
        status.append(_status(failed, problem=True))
    for problem in facts.journal_problems:
        status.append(_status(t("attendant.journal-problem", detail=problem), problem=True))
    counts: dict[str, int] = {}
    for service_id, number in facts.services.items():
        service = catalogue.services.get(service_id or "")
        title = service.title.get(language) if service else "—"
        counts[title] = counts.get(title, 0) + number
    counts.update(facts.outcomes)
    counts.update(facts.languages)
    nothing = t("attendant.nothing")
    reprint = t("attendant.reprint")
    choices = [Choice(f"reprint-{ref}", reprint, ref, value=ref) for ref in facts.slips]
    choices += [
        Choice(name, t(key), selected=name == "out-of-order" and facts.out_of_order)
        for name, key in ACTIONS.items()
    ]
    audit = "\n".join(f"{at}  {action}" for at, action in facts.audit)
    return ScreenContent(
        screen="dashboard",
        language=language,
        heading=t("attendant.dashboard"),
        text=facts.message,
        messages=tuple(status),
        choices=tuple(choices),
        facts=(
            Fact("today-title", t("attendant.today")),
            Fact("counts", _lines(counts) or nothing),
            Fact("gave-up-title", t("attendant.gave-up")),
            Fact("gave-up", _lines(facts.gave_up) or nothing),
            Fact("slips-title", t("attendant.slips")),
            *((Fact("slips-empty", nothing),) if not facts.slips else ()),
            Fact("audit-title", t("attendant.audit")),
            Fact("audit-log", audit or nothing),
        ),
    )


def _status(text: str, problem: bool = False) -> Message:
    if problem:
        return Message("status-problem", "problem", text, title="⚠")
    return Message("status", "status", text)


def _lines(counts: dict[str, int]) -> str:
    return "\n".join(f"{key}: {count}" for key, count in sorted(counts.items()))
