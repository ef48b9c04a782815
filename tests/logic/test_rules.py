"""Each rule of the two source articles (shared seeds 000 and 004), as SERVICES.md records
it, checked in the quote JSON in kk, ru and en. Each test quotes the article's sentence.
What the screens and the slip say is checked in tests/ui/test_rules_on_screen.py."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.i18n import LANGUAGES, Strings
from kiosk.logic.pricing import Case, Pricing
from kiosk.logic.quote import make_quote
from kiosk.settings import ASSETS, Settings, demo_payment_profiles
from tests.logic.helpers import ID_LOST_FIRST_STANDARD

ID = "id-card-restoration"
LICENCE = "driving-licence-replacement"
DAY = date(2026, 11, 23)
ID_LOST = ID_LOST_FIRST_STANDARD
LICENCE_ANSWERS = {
    "unpaid-fines": "no",
    "recent-photo-document": "yes",
    "duty-paid-before": "no",
}
STATE_CORPORATION = {
    "kk": "«Азаматтарға арналған үкіметке» (ХҚКО)",
    "ru": "Госкорпорацию «Правительство для граждан»",
    "en": 'State Corporation "Government for Citizens"',
}
UNKNOWN = {"kk": "белгісіз", "ru": "неизвестны", "en": "unknown"}
KAZPOST = {"kk": "«Қазпошта»", "ru": "«Казпочты»", "en": "Kazpost"}
QR = {"kk": "QR", "ru": "QR", "en": "QR"}


def quote_json(
    catalogue: Catalogue, service: str, answers: dict[str, str], language: str, day: date = DAY
) -> dict[str, Any]:
    quote = make_quote(
        catalogue,
        service,
        answers,
        visit_date=day,
        centre_class="major",
        language=language,  # type: ignore[arg-type]
        profiles=demo_payment_profiles(),
        reference="K01-20261123-0001",
    )
    return quote.to_json()


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def text_of(items: list[dict[str, Any]], item_id: str) -> str:
    return next(item for item in items if item["id"] == item_id)["text"]


# --- Driving licence (seed 000) ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_expired_licence_is_online_only_from_april_2026(
    catalogue: Catalogue, language: str
) -> None:
    """«…ағымдағы жылдың сәуірінен бастап жүргізуші куәлігін оның жарамдылық мерзімі
    аяқталғаннан кейін де eGov.kz порталы және eGov Mobile мобильді қосымшасы арқылы ауыстыра
    алатын болады» and «Бұған дейін қызмет тек қолданыстағы құжат болған жағдайда, сондай-ақ
    оны жоғалуы, ұрлануы немесе тегі, аты-жөнін өзгерткен кезде ғана онлайн форматта
    көрсетілетін»: an expired licence online from 1 April 2026, the other reasons always."""
    expired = {"reason": "expired", "medical-exam": "yes", **LICENCE_ANSWERS}
    before = quote_json(catalogue, LICENCE, expired, language, date(2026, 3, 31))
    after = quote_json(catalogue, LICENCE, expired, language, date(2026, 4, 1))
    assert "online-available" not in ids(before["warnings"])
    assert "online-available" in ids(after["warnings"])
    for reason in ("early", "lost", "stolen", "name-change"):
        early = quote_json(
            catalogue, LICENCE, {"reason": reason, **LICENCE_ANSWERS}, language, date(2025, 6, 2)
        )
        assert "online-available" in ids(early["warnings"]), reason


def test_the_online_steps_are_the_articles_in_its_order(catalogue: Catalogue) -> None:
    """«– «Жүргізуші куәлігін алу» қызметін таңдау; – дайын құжатты алу үшін ХҚКО-ны көрсету
    және фотосуретті жүктеу …; – қолтаңба үлгісін жүктеу және байланыс телефонын енгізу;
    – мемлекеттік баж салығын төлеу (1,25 АЕК). … «Бұрын төленген» функциясын пайдалануға
    болады; – өтінімді қол қоюдың қолжетімді тәсілдерінің бірімен растау.»"""
    online = catalogue.service(LICENCE).online
    assert online is not None
    kk = [step.get("kk") for step in online.steps]
    markers = ["қызметін таңдаңыз", "фотосуретті жүктеңіз", "Қолтаңба үлгісін", "1,25 АЕК", "қол"]
    assert len(kk) == len(markers)
    for step, marker in zip(kk, markers, strict=True):
        assert marker in step, (marker, step)
    assert "«Бұрын төленген»" in kk[3]
    assert kk[-1].startswith("Өтінімге қол қоюдың қолжетімді тәсілдерінің бірімен")
    for language, last in {"ru": "Подпишите заявку", "en": "Sign the application"}.items():
        assert online.steps[-1].get(language).startswith(last)


@pytest.mark.parametrize("language", LANGUAGES)
def test_signature_and_phone_are_online_steps_not_papers(
    catalogue: Catalogue, language: str
) -> None:
    """«– қолтаңба үлгісін жүктеу және байланыс телефонын енгізу» is a step of the online
    application; the article names no paper for them to bring to the centre."""
    data = quote_json(catalogue, LICENCE, {"reason": "early", **LICENCE_ANSWERS}, language)
    assert ids(data["documents"]) == ["id-card", "duty-receipt"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_previously_paid_is_the_online_applications_function(
    catalogue: Catalogue, language: str
) -> None:
    """«Қайта өтінім берген жағдайда «Бұрын төленген» функциясын пайдалануға болады.»"""
    answers = {"reason": "early", **LICENCE_ANSWERS, "duty-paid-before": "yes"}
    data = quote_json(catalogue, LICENCE, answers, language)
    note = text_of(data["notes"], "previously-paid")
    name = {"kk": "«Бұрын төленген»", "ru": "«Ранее оплачено»", "en": '"Previously paid"'}
    online = {"kk": "онлайн өтінім", "ru": "онлайн-заявк", "en": "online application"}
    assert name[language] in note and online[language] in note
    assert data["bill"]["total"] == "0" and data["payments"] == []


# --- ID card (seed 004) -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_loss_is_reported_first_to_the_state_corporation(
    catalogue: Catalogue, language: str
) -> None:
    """«Ең алдымен құжаттың жоғалғаны туралы «Азаматтарға арналған үкіметке» хабарлау қажет.»"""
    data = quote_json(catalogue, ID, ID_LOST, language)
    assert STATE_CORPORATION[language] in text_of(data["warnings"], "report-loss-now")


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_sure_it_was_stolen_is_treated_as_lost(catalogue: Catalogue, language: str) -> None:
    """«Егер құжаттың нақты ұрланғанына сенім болмаса, арызда құжаттың қандай жағдайда
    жоғалғаны белгісіз екенін көрсеткен жөн.»"""
    not_sure = quote_json(catalogue, ID, {**ID_LOST, "circumstance": "not-sure"}, language)
    lost = quote_json(catalogue, ID, ID_LOST, language)
    assert not_sure["complete"] and "police-talon" not in not_sure["answers"]
    assert ids(not_sure["documents"]) == ids(lost["documents"])  # no talon: as lost
    assert not_sure["bill"] == lost["bill"]
    assert UNKNOWN[language] in text_of(not_sure["notes"], "circumstances-unknown")
    statement = next(doc for doc in not_sure["documents"] if doc["id"] == "application")
    assert UNKNOWN[language] in statement["note"]
    assert "circumstances-unknown" not in ids(lost["notes"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_statement_is_filled_in_at_the_centre_or_the_police(
    catalogue: Catalogue, language: str
) -> None:
    """«Бұл өтініш бір жағдайда – ХҚКО-да, ал екінші жағдайда – полиция бөлімшесінде
    толтырылады.»"""
    centre = {"kk": "ХҚКО", "ru": "ЦОН", "en": "service centre"}
    police = {"kk": "Полиция", "ru": "полиции", "en": "police"}
    stolen = {**ID_LOST, "circumstance": "stolen", "police-talon": "yes"}
    for answers, place in ((ID_LOST, centre), ({**ID_LOST, "circumstance": "not-sure"}, centre)):
        data = quote_json(catalogue, ID, answers, language)
        note = next(d["note"] for d in data["documents"] if d["id"] == "application")
        assert place[language] in note, note
    data = quote_json(catalogue, ID, stolen, language)
    note = next(d["note"] for d in data["documents"] if d["id"] == "application")
    assert police[language] in note, note


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_duty_is_paid_by_qr_in_a_bank_app_or_at_kazpost(
    catalogue: Catalogue, language: str
) -> None:
    """«Төлем өтінімді рәсімдеу кезінде екінші деңгейлі банктердің мобильді қосымшалары
    арқылы QR-кодпен немесе «Қазпошта» АҚ кассаларында жүзеге асырылады.»"""
    data = quote_json(catalogue, ID, ID_LOST, language)
    receipt = next(d for d in data["documents"] if d["id"] == "duty-receipt")
    assert QR[language] in receipt["note"] and KAZPOST[language] in receipt["note"]
    assert len(data["payments"]) == 1 and data["payments"][0]["amount"] == "865"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_exempt_visitor_is_not_told_to_pay_by_qr(catalogue: Catalogue, language: str) -> None:
    """«Құжат жоғалса мемлекеттік баж салығынан босатылатынын растайтын құжатты ұсыну немесе
    (егер ондай құжат болмаса) баж салығын төлеу керек.» With the exemption there is nothing
    to pay, so nothing says how to pay it."""
    data = quote_json(catalogue, ID, {**ID_LOST, "duty-exemption": "yes"}, language)
    assert data["payments"] == [] and data["bill"]["total"] == "0"
    assert "exemption-document" in ids(data["documents"])
    for item in (*data["warnings"], *data["notes"], *data["documents"]):
        words = " ".join(str(value) for value in item.values())
        assert "QR" not in words, item
    paying = quote_json(catalogue, ID, ID_LOST, language)
    assert "QR" in text_of(paying["notes"], "personal-visit")  # the control: it is said


# --- On the slip --------------------------------------------------------------------------------


def slip_text(
    catalogue: Catalogue, service: str, answers: dict[str, str], language: str, day: date = DAY
) -> str:
    pricing = Pricing(catalogue, demo_payment_profiles(), Strings.load(ASSETS / "i18n"))
    case = Case(service, answers, day, "major", language, "K01-20261123-0001")  # type: ignore[arg-type]
    quote = pricing.quote(case)
    slip = pricing.slip(
        quote,
        Strings.load(ASSETS / "i18n"),
        centre_name=Settings().centre.name,
        kiosk_id="K01",
        printed_at=datetime.combine(day, time(10, 30)),
        reference="K01-20261123-0001",
        have=set(),
    )
    return slip.text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_slip_lists_the_online_steps_when_online_is_open(
    catalogue: Catalogue, language: str
) -> None:
    """«– өтінімді қол қоюдың қолжетімді тәсілдерінің бірімен растау.» ends the steps; the
    slip lists them all, in order, on a day the service is online for this reason."""
    expired = {"reason": "expired", "medical-exam": "yes", **LICENCE_ANSWERS}
    after = slip_text(catalogue, LICENCE, expired, language, date(2026, 4, 1))
    steps = catalogue.service(LICENCE).online.steps  # type: ignore[union-attr]
    at = [after.index(f"{n}. {step.get(language)}") for n, step in enumerate(steps, 1)]
    assert at == sorted(at) and len(at) == 5
    before = slip_text(catalogue, LICENCE, expired, language, date(2026, 3, 31))
    assert steps[-1].get(language) not in before


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_slip_says_where_the_statement_is_filled_in(
    catalogue: Catalogue, language: str
) -> None:
    """«Бұл өтініш бір жағдайда – ХҚКО-да, ал екінші жағдайда – полиция бөлімшесінде
    толтырылады.»"""
    centre = {
        "kk": "ХҚКО-да толтырылады",
        "ru": "Заполняется в ЦОНе",
        "en": "at the service centre",
    }
    police = {
        "kk": "Полиция бөлімшесінде толтырылады",
        "ru": "Заполняется в отделении полиции",
        "en": "at the police station",
    }
    assert centre[language] in slip_text(catalogue, ID, ID_LOST, language)
    not_sure = slip_text(catalogue, ID, {**ID_LOST, "circumstance": "not-sure"}, language)
    assert centre[language] in not_sure and UNKNOWN[language] in not_sure
    stolen = {**ID_LOST, "circumstance": "stolen", "police-talon": "yes"}
    assert police[language] in slip_text(catalogue, ID, stolen, language)
