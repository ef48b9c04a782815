"""Words reviewed in all three languages: dates as each language writes them (Kazakh case
endings included), one name for the printed slip, what to do next, and a staff dashboard
with no value left in English."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.content import ScreenContent
from kiosk.logic.i18n import LANGUAGES, Language, Strings, format_date, kazakh_dative_ending
from kiosk.logic.staff_content import DeskFacts, dashboard
from kiosk.logic.yamlfile import safe_load
from kiosk.printing.backends import PrinterStatus
from kiosk.printing.outcome import PrintStatus
from kiosk.settings import ASSETS
from kiosk.storage.journal import OUTCOMES

# Month by month: Kazakh nominative and dative (vowel harmony, voiced or voiceless ending),
# Russian genitive, English.
MONTHS = [
    (1, "қаңтар", "қаңтарға", "января", "January"),
    (2, "ақпан", "ақпанға", "февраля", "February"),
    (3, "наурыз", "наурызға", "марта", "March"),
    (4, "сәуір", "сәуірге", "апреля", "April"),
    (5, "мамыр", "мамырға", "мая", "May"),
    (6, "маусым", "маусымға", "июня", "June"),
    (7, "шілде", "шілдеге", "июля", "July"),
    (8, "тамыз", "тамызға", "августа", "August"),
    (9, "қыркүйек", "қыркүйекке", "сентября", "September"),
    (10, "қазан", "қазанға", "октября", "October"),
    (11, "қараша", "қарашаға", "ноября", "November"),
    (12, "желтоқсан", "желтоқсанға", "декабря", "December"),
]
NBSP = "\u00a0"
# The files of the kiosk's own words whose wording is reviewed here.
REVIEWED = ("ui.yaml", "slip.yaml", "attendant.yaml")


@pytest.fixture(scope="module")
def strings() -> Strings:
    return Strings.load(ASSETS / "i18n")


def reviewed_texts() -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = {}
    for name in REVIEWED:
        texts.update(safe_load((ASSETS / "i18n" / name).read_text("utf-8")))
    return texts


@pytest.mark.parametrize(("month", "kk", "kk_dative", "ru", "en"), MONTHS)
def test_kazakh_date_puts_the_year_first(
    month: int, kk: str, kk_dative: str, ru: str, en: str
) -> None:
    assert format_date(date(2026, month, 27), "kk") == f"2026 жылғы 27 {kk}"
    assert format_date(date(2027, month, 1), "kk") == f"2027 жылғы 1 {kk}"


@pytest.mark.parametrize(("month", "kk", "kk_dative", "ru", "en"), MONTHS)
def test_kazakh_date_before_deiin_is_dative(
    strings: Strings, month: int, kk: str, kk_dative: str, ru: str, en: str
) -> None:
    day = date(2026, month, 27)
    assert format_date(day, "kk", case="dative") == f"2026 жылғы 27 {kk_dative}"
    assert kk + kazakh_dative_ending(kk) == kk_dative
    ready_by = strings.text("result.ready-by", "kk", date=format_date(day, "kk", case="dative"))
    assert ready_by == f"Дайын болады: 2026 жылғы 27 {kk_dative} дейін"


@pytest.mark.parametrize(("month", "kk", "kk_dative", "ru", "en"), MONTHS)
def test_russian_date_has_the_month_in_the_genitive(
    strings: Strings, month: int, kk: str, kk_dative: str, ru: str, en: str
) -> None:
    day = date(2026, month, 27)
    written = f"27 {ru} 2026{NBSP}г."
    assert format_date(day, "ru") == written
    assert format_date(day, "ru", case="dative") == written  # `до` takes it as it is
    ready_by = strings.text("result.ready-by", "ru", date=format_date(day, "ru", case="dative"))
    assert ready_by == f"Будет готово: до {written}"


@pytest.mark.parametrize(("month", "kk", "kk_dative", "ru", "en"), MONTHS)
def test_english_date(
    strings: Strings, month: int, kk: str, kk_dative: str, ru: str, en: str
) -> None:
    day = date(2026, month, 27)
    assert format_date(day, "en") == f"27 {en} 2026"
    assert format_date(day, "en", case="dative") == f"27 {en} 2026"
    ready_by = strings.text("result.ready-by", "en", date=format_date(day, "en", case="dative"))
    assert ready_by == f"Ready by: 27 {en} 2026"


@pytest.mark.parametrize(
    ("word", "ending"),
    [("үй", "ге"), ("бала", "ға"), ("мектеп", "ке"), ("кітап", "қа"), ("орталық", "қа")],
)
def test_kazakh_dative_ending_follows_the_word(word: str, ending: str) -> None:
    assert kazakh_dative_ending(word) == ending


def test_dates_fit_a_thermal_printers_code_page() -> None:
    code_pages = {"kk": "kz1048", "ru": "cp866", "en": "cp866"}
    for language in LANGUAGES:
        written = format_date(date(2026, 11, 27), language)
        assert "\u202f" not in written
        written.replace(NBSP, " ").encode(code_pages[language])  # no UnicodeEncodeError


def test_the_slip_is_a_reminder_not_a_receipt_or_a_queue_ticket() -> None:
    receipt_or_ticket = re.compile(r"түбіртек|талон|ваш номер|нөміріңіз|your reference", re.I)
    for key, local in reviewed_texts().items():
        for language, text in local.items():
            assert not receipt_or_ticket.search(text), (key, language, text)


def test_the_slip_has_one_name_in_each_language(strings: Strings) -> None:
    names = {"kk": "жадынама", "ru": "памятк", "en": "slip"}
    keys = ("result.print", "printing.printed", "printing.reference", "slip.reference")
    for key in keys:
        for language in LANGUAGES:
            text = strings.text(key, language, reference="K01-20261127-0001")
            assert names[language] in text.lower(), (key, language, text)
    for language, reference in (("kk", "Жадынама нөмірі"), ("ru", "Номер памятки")):
        for key in ("printing.reference", "slip.reference"):
            assert strings.text(key, language, reference="K01").startswith(reference)


def test_thanks_says_what_to_do_inside_the_centre(strings: Strings) -> None:
    come_to_the_centre = re.compile(r"ХҚКО-ға келіңіз|приходите в ЦОН|come to the centre", re.I)
    next_step = {"kk": "кезег", "ru": "очеред", "en": "your turn"}
    pay = {"kk": "QR-код", "ru": "QR-код", "en": "QR code"}
    for language in LANGUAGES:
        text = strings.text("thanks.text", language)
        assert not come_to_the_centre.search(text), text
        assert next_step[language] in text and pay[language] in text, text


# Values the kiosk records in English, none of which the dashboard may show as they are.
RAW = {
    *(status.value for status in PrinterStatus),
    *(status.value for status in PrintStatus),
    *OUTCOMES,
    "in progress",
    *LANGUAGES,
    "welcome",
    "services",
    "question",
    "review",
    "documents",
    "result",
    "blocker",
    "printing",
    "thanks",
    "OK",
}
SCREENS = ("welcome", "services", "question", "review", "documents", "result", "blocker")


def sample_facts(catalogue: Catalogue, printer: str, print_status: str) -> DeskFacts:
    return DeskFacts(
        year=2026,
        printer=printer,
        catalogue_version="2026.11",
        mci=catalogue.fees.mci_for(2026),
        failed_print=("K01-20261127-0003", print_status, ""),
        services={"id-card-restoration": 3, None: 1},
        outcomes={outcome: 1 for outcome in (*OUTCOMES, "in progress")},
        languages={"kk": 2, "ru": 1, "en": 1},
        gave_up={screen: 1 for screen in (*SCREENS, "printing", "thanks")},
    )


def shown(content: ScreenContent) -> str:
    parts = [content.heading, content.text]
    parts += [message.text for message in content.messages]
    parts += [choice.label for choice in content.choices]
    parts += [fact.text for fact in content.facts]
    return "\n".join(parts)


def raw_words(text: str) -> set[str]:
    return {
        word
        for word in RAW
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE)
    }


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("printer", [status.value for status in PrinterStatus])
@pytest.mark.parametrize("print_status", ["failed", "unknown"])
def test_dashboard_shows_no_value_in_english(
    catalogue: Catalogue, strings: Strings, language: Language, printer: str, print_status: str
) -> None:
    content = dashboard(
        sample_facts(catalogue, printer, print_status), catalogue, strings, language
    )
    assert raw_words(shown(content)) == set()


def test_dashboard_values_in_english_read_as_english(
    catalogue: Catalogue, strings: Strings
) -> None:
    content = dashboard(sample_facts(catalogue, "offline", "unknown"), catalogue, strings, "en")
    assert "Printer: offline" in shown(content)
    counts = content.fact("counts")
    assert "In Kazakh: 2" in counts and "Timed out: 1" in counts and "In progress: 1" in counts
    assert "Questions: 1" in content.fact("gave-up")


def test_every_recorded_value_has_a_dashboard_text(strings: Strings) -> None:
    values = {
        "printer": [status.value for status in PrinterStatus],
        "print": [status.value for status in PrintStatus],
        "outcome": [*OUTCOMES, "in-progress"],
        "language": list(LANGUAGES),
        "screen": [*SCREENS, "printing", "thanks"],
    }
    for kind, names in values.items():
        for name in names:
            assert f"attendant.{kind}.{name}" in strings.names()


def test_an_unknown_value_is_shown_as_recorded(catalogue: Catalogue, strings: Strings) -> None:
    facts = DeskFacts(year=2026, printer="jammed", catalogue_version="1", gave_up={"pin": 2})
    content = dashboard(facts, catalogue, strings, "kk")
    assert "jammed" in shown(content) and content.fact("gave-up") == "pin: 2"
