"""What the staff screens say: the PIN pad, the dashboard, and the out-of-order notice
visitors see. Built from facts the staff desk gathers; the Qt screens paint them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.content import Choice, Fact, Message, ScreenContent
from kiosk.logic.i18n import LANGUAGES, Language, Strings
from kiosk.logic.money import MciYear
from kiosk.logic.texts import Texts

ACTIONS = {  # the dashboard's buttons and their texts
    "serve-visitor": "attendant.serve",
    "test-print": "attendant.test-print",
    "reload-catalogue": "attendant.reload",
    "out-of-order": "attendant.out-of-order",
    "attendant-logout": "attendant.logout",
    "exit-kiosk": "attendant.exit",
}
DIGITS = "1234567890"
NOBODY = "—"  # the audit log's name for what happened with no staff member logged in
# Session outcomes in the order the dashboard lists them (`in progress`: not ended yet).
OUTCOMES = ("completed", "blocked", "abandoned", "timed-out", "in progress")


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
    audit: tuple[tuple[str, str, str], ...] = ()  # (time, staff name or "", action)
    out_of_order: bool = False
    message: str = ""
    journal_problems: tuple[str, ...] = ()  # not writing, unreadable, found corrupt
    kiosk_id: str = ""
    staff_called: str = ""  # since when (HH:MM) a visitor has been calling staff
    speech_problem: str = ""  # why audio mode's voice cannot be heard
    fleet_problem: str = ""  # what is wrong with the link to the fleet's centre


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
    printer = value_text(t, "printer", facts.printer)
    status = []
    if facts.staff_called:  # first: someone is waiting
        called = t("attendant.staff-called", kiosk=facts.kiosk_id, time=facts.staff_called)
        status.append(Message("staff-called", "problem", called, title="⚠"))
    status.append(_status(t("attendant.printer", status=printer)))
    result = facts.catalogue_problem or t("attendant.catalogue-ok")
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
        outcome = value_text(t, "print", outcome)
        failed = t("attendant.last-print", reference=reference, status=outcome, detail=detail)
        status.append(_status(failed, problem=True))
    if facts.speech_problem:
        line = t("attendant.speech-problem", detail=facts.speech_problem)
        status.append(_status(line, problem=True))
    if facts.fleet_problem:
        line = t("attendant.fleet-problem", detail=facts.fleet_problem)
        status.append(_status(line, problem=True))
    for problem in facts.journal_problems:
        status.append(_status(t("attendant.journal-problem", detail=problem), problem=True))
    services: dict[str, int] = {}
    for service_id, number in facts.services.items():
        service = catalogue.services.get(service_id or "")
        title = service.title.get(language) if service else t("attendant.no-service")
        services[title] = services.get(title, 0) + number
    # Services by title, then outcomes and languages each in their own order.
    counts = sorted(services.items())
    counts += [(value_text(t, "outcome", k), n) for k, n in _in_order(facts.outcomes, OUTCOMES)]
    counts += [(value_text(t, "language", k), n) for k, n in _in_order(facts.languages, LANGUAGES)]
    gave_up = [(value_text(t, "screen", key), n) for key, n in facts.gave_up.items()]
    gave_up.sort(key=lambda row: (-row[1], row[0]))  # where most gave up first
    nothing = t("attendant.nothing")
    reprint = t("attendant.reprint")
    choices = [Choice(f"reprint-{ref}", reprint, ref, value=ref) for ref in facts.slips]
    if facts.staff_called:
        choices.append(Choice("clear-call", t("attendant.clear-call")))
    choices += [
        Choice(name, t(key), selected=name == "out-of-order" and facts.out_of_order)
        for name, key in ACTIONS.items()
    ]
    audit = "\n".join(f"{at}  {staff or NOBODY}  {action}" for at, staff, action in facts.audit)
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
            Fact("gave-up", _lines(gave_up) or nothing),
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


def value_text(t: Texts, kind: str, value: str) -> str:
    """A value the kiosk records in English (a printer's status, a print's or a session's
    outcome, a language code, a screen's name) in the dashboard's language: the text
    `attendant.<kind>.<value>`. A value with no text yet is shown as it is recorded."""
    try:
        return t(f"attendant.{kind}.{value.replace(' ', '-')}")
    except KeyError:
        return value


def _in_order(counts: dict[str, int], order: Sequence[str]) -> list[tuple[str, int]]:
    """`counts` in the given order of their keys; keys it does not name come last."""
    known = [(key, counts[key]) for key in order if key in counts]
    return known + sorted((key, n) for key, n in counts.items() if key not in order)


def _lines(counts: Iterable[tuple[str, int]]) -> str:
    return "\n".join(f"{key}: {count}" for key, count in counts)
