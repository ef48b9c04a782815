"""The kiosk's quotes against every figure of the two services, as the sources state it.

Each figure is parsed from the source text (see seed_figures.py): the seed articles in Kazakh
for what they state (duties in MCI and tenge, the fine, working days, expedited fees,
minutes, years) and SERVICES.md for what they do not (the MCI of each year and its rounding,
option ids, the amounts shown today). Nothing is copied from assets/fees.yaml or the service
files, so a catalogue that drifts from its sources fails here, naming the source line.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.conditions import CENTRE_CLASSES
from kiosk.logic.i18n import LANGUAGES, Strings
from kiosk.logic.money import MoneyError, mci_amount
from kiosk.logic.quote import Quote, make_quote
from kiosk.settings import ASSETS

from .helpers import (
    ID_LOST_FIRST_STANDARD,
    LICENCE_EARLY,
    is_working_day,
    quote,
    rounded,
    working_days_after,
)
from .seed_figures import (
    ID_CARD,
    KK_NUMBERS,
    LICENCE,
    fail,
    id_card_seed,
    licence_seed,
    services_doc,
)

ID = ID_CARD


def line(q: Quote, line_id: str):
    found = [item for item in q.bill.lines if item.id == line_id]
    assert found, f"the quote has no {line_id!r} line: {[item.id for item in q.bill.lines]}"
    return found[0]


def text_of(items, item_id: str) -> str:
    found = [item.text for item in items if item.id == item_id]
    assert found, f"no {item_id!r} among {[item.id for item in items]}"
    return found[0]


def money_in(text: str) -> list[Decimal]:
    """The amounts of tenge a text shows, as numbers: `30 275 ₸`, `30,275 ₸`."""
    found = re.findall(r"(\d[\d\s\u00a0\u202f,]*?)\s*₸", text)
    return [Decimal(re.sub(r"[\s\u00a0\u202f,]", "", amount)) for amount in found]


def mci_in(text: str) -> list[Decimal]:
    """The MCI multiples a text states: `7 АЕК`, `7 МРП`, `1,25 MCI`."""
    found = re.findall(r"(\d+(?:[.,]\d+)?)\s*(?:АЕК|МРП|MCI)", text)
    return [Decimal(multiple.replace(",", ".")) for multiple in found]


def numbers_in(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def expected(multiple: Decimal, year: int) -> Decimal:
    """`multiple` MCI in `year`, from SERVICES.md's MCI table and rounding rule."""
    row = services_doc().mci.get(year)
    if row is None:
        fail(f"SERVICES.md's MCI table has no row for {year}")
    assert row is not None
    return rounded(multiple * row.value.value, row.rounding)


def kiosk_amount(catalogue: Catalogue, multiple: Decimal, day: date) -> Decimal:
    """What the kiosk asks for (or shows) for `multiple` MCI on `day`, in the case of the
    seeds that states that multiple: the ID card's duty (0.2, and 1 when lost more than
    twice), the licence's duty (1.25), the fine for over a month without the card (7)."""
    card, licence = id_card_seed(), licence_seed()
    if multiple == card.duty_mci.value:
        duty = line(quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=day), "state-duty")
    elif multiple == card.repeat_mci.value:
        q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=day, losses_this_year="3-or-more")
        duty = line(q, "state-duty")
    elif multiple == licence.duty_mci.value:
        duty = line(quote(catalogue, LICENCE, LICENCE_EARLY, day=day), "state-duty")
    elif multiple == card.fine_mci.value:
        q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=day, days_without_id="over-30-days")
        shown = money_in(text_of(q.warnings, "fine-over-30-days"))
        assert len(shown) == 1, f"the fine warning shows {shown}, not one amount"
        return shown[0]
    else:
        fail(f"no case of the seeds is priced at {multiple} MCI")
    assert duty.mci == multiple, f"the line is {duty.mci} MCI, the source says {multiple} MCI"
    return duty.amount


# --- MCI by year and rounding: SERVICES.md, "Money rules" ----------------------------------


def test_mci_schedule_is_the_one_services_md_gives(catalogue: Catalogue) -> None:
    table = services_doc().mci
    assert catalogue.fees.years() == sorted(table), (
        f"the kiosk has an MCI for {catalogue.fees.years()}, SERVICES.md's table for "
        f"{sorted(table)} ({', '.join(row.value.where for row in table.values())})"
    )
    for year, row in table.items():
        entry = catalogue.fees.mci_for(year)
        assert (entry.value, entry.rounding) == (row.value.value, row.rounding), (
            f"MCI {year}: the kiosk has {entry.value} rounded {entry.rounding!r}, "
            f"SERVICES.md has {row.value} rounded {row.rounding!r}"
        )


def test_every_years_quotes_use_its_mci_and_rounding(catalogue: Catalogue) -> None:
    card, licence = id_card_seed(), licence_seed()
    problems = []
    for year, row in services_doc().mci.items():
        for day in (date(year, 1, 1), date(year, 12, 31)):
            q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=day)
            if (q.mci.year, q.mci.value) != (year, row.value.value):
                problems.append(f"{day}: MCI {q.mci.year} {q.mci.value}, SERVICES.md {row.value}")
            for figure in (card.duty_mci, card.repeat_mci, licence.duty_mci, card.fine_mci):
                want = expected(figure.value, year)
                got = kiosk_amount(catalogue, figure.value, day)
                if got != want:
                    problems.append(
                        f"{day}: {figure} at MCI {row.value.value} rounded {row.rounding!r} "
                        f"is {want} ₸, the kiosk says {got} ₸"
                    )
    assert not problems, "\n".join(problems)


def test_the_year_services_md_says_is_unpublished_gets_no_amount(catalogue: Catalogue) -> None:
    doc = services_doc()
    year = doc.unpublished_year
    assert year not in catalogue.fees.years(), (
        f"SERVICES.md says the {year} MCI was not published on {doc.unpublished_on}, "
        f"yet the kiosk has one"
    )
    unpublished = make_quote(
        catalogue,
        ID,
        ID_LOST_FIRST_STANDARD,
        visit_date=date(year, 1, 5),
        centre_class="major",
        language="en",
        strings=Strings.load(ASSETS / "i18n"),
    )
    assert unpublished.bill is None and unpublished.mci is None and unpublished.payments == ()
    assert unpublished.warnings[0].id == "duty-not-published"
    assert str(year) in unpublished.warnings[0].text
    on_the_day = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=doc.unpublished_on)
    assert on_the_day.mci.year == doc.unpublished_on.year


def test_rounding_examples_of_services_md(catalogue: Catalogue) -> None:
    doc = services_doc()
    assert len(doc.rounding_examples) >= 2
    for example in doc.rounding_examples:
        assert example.multiple * example.mci == example.exact, f"SERVICES.md: {example}"
        years = [year for year, row in doc.mci.items() if row.value.value == example.mci]
        assert years, f"{example.rounded.where}: no year of the MCI table has MCI {example.mci}"
        for year in years:
            assert rounded(example.exact, doc.mci[year].rounding) == example.rounded.value, (
                f"{example.rounded} is not {example.exact} rounded {doc.mci[year].rounding!r}"
            )
            got = kiosk_amount(catalogue, example.multiple, date(year, 6, 2))
            assert got == example.rounded.value, (
                f"{example.multiple} MCI in {year}: SERVICES.md {example.rounded}, kiosk {got}"
            )


# Rounding rules, computed (not copied): kept from before.
@pytest.mark.parametrize(
    ("multiple", "expected_amount"),
    [("0.2", 787), ("1", 3932), ("7", 27524), ("1.25", 4915)],
)
def test_seed_amounts_with_the_2025_schedule(
    catalogue: Catalogue, multiple, expected_amount
) -> None:
    assert mci_amount(Decimal(multiple), catalogue.fees.mci_for(2025)) == expected_amount


def test_2025_rounds_up_and_2026_half_up(catalogue: Catalogue) -> None:
    # 0.2 × 3 932 = 786.40 rounds up; 1.25 × 4 325 = 5 406.25 rounds half-up, i.e. down.
    assert mci_amount(Decimal("0.2"), catalogue.fees.mci_for(2025)) == 787
    assert mci_amount(Decimal("1.25"), catalogue.fees.mci_for(2026)) == 5406
    assert mci_amount(Decimal("0.5"), catalogue.fees.mci_for(2026)) == 2163  # 2162.5 -> up


def test_missing_year_is_an_error_not_a_guess(catalogue: Catalogue) -> None:
    with pytest.raises(MoneyError, match="2031"):
        catalogue.fees.mci_for(2031)
    with pytest.raises(MoneyError, match="2031"):  # no texts to say why there is no amount
        quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=date(2031, 3, 1))


# --- The amounts the seeds print -----------------------------------------------------------


def test_seed_004_amounts_with_the_schedule_services_md_names(catalogue: Catalogue) -> None:
    """Seed 004 prints tenge beside each MCI multiple; SERVICES.md says which year's
    schedule reproduces them exactly."""
    card, doc = id_card_seed(), services_doc()
    day = date(doc.seed_year, 6, 2)
    for multiple, tenge in [
        (card.duty_mci, card.duty_tenge),
        (card.repeat_mci, card.repeat_tenge),
        (card.fine_mci, card.fine_tenge),
    ]:
        got = kiosk_amount(catalogue, multiple.value, day)
        assert got == tenge.value, (
            f"the seed says {multiple.value} MCI = {tenge}; the kiosk on {day}: {got} ₸"
        )


def test_services_md_list_of_amounts_the_seed_prints(catalogue: Catalogue) -> None:
    doc = services_doc()
    assert len(doc.seed_amounts) >= 4
    for multiple, tenge in doc.seed_amounts.items():
        got = kiosk_amount(catalogue, multiple, date(doc.seed_year, 6, 2))
        assert got == tenge.value, f"{tenge}: the kiosk in {doc.seed_year} says {got} ₸"


# --- Seed 004: restoring an ID card --------------------------------------------------------


def test_id_card_duty_by_losses_this_year(catalogue: Catalogue) -> None:
    """0,2 АЕК; 1 АЕК when lost more than `екі` (two) times in a year (seed 004)."""
    card, doc = id_card_seed(), services_doc()
    assert (doc.id_duty_mci.value, doc.id_repeat_mci.value) == (
        card.duty_mci.value,
        card.repeat_mci.value,
    ), f"SERVICES.md {doc.id_duty_mci} disagrees with the seed {card.duty_mci}/{card.repeat_mci}"
    options = catalogue.service(ID).question("losses-this-year").options
    counts = {option.id: int(option.id.split("-")[0]) for option in options}
    assert any(count > card.repeat_after.value for count in counts.values()), (
        f"no answer reaches the seed's “more than {card.repeat_after.value}” ({card.repeat_after})"
    )
    for option_id, count in counts.items():
        multiple = card.repeat_mci if count > card.repeat_after.value else card.duty_mci
        q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, losses_this_year=option_id)
        duty = line(q, "state-duty")
        assert (duty.mci, duty.amount) == (multiple.value, expected(multiple.value, q.date.year)), (
            f"lost {option_id} times: the seed says {multiple}; the kiosk: {duty.mci} MCI, "
            f"{duty.amount} ₸"
        )


@pytest.mark.parametrize("losses", ["1", "2", "3-or-more"])
def test_exempt_visitor_pays_what_services_md_says(catalogue: Catalogue, losses: str) -> None:
    exempt = services_doc().id_exempt_mci
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, duty_exemption="yes", losses_this_year=losses)
    assert line(q, "state-duty").amount == expected(exempt.value, q.date.year), str(exempt)
    assert q.bill.total == 0


@pytest.mark.parametrize("centre_class", CENTRE_CLASSES)
def test_expedited_options_fees_and_working_days(catalogue: Catalogue, centre_class: str) -> None:
    """The seed lists the options of each kind of town (days, fee); SERVICES.md gives their
    ids; a quote charges the fee and is ready that many working days later."""
    card, doc = id_card_seed(), services_doc()
    listed = card.expedited[centre_class]
    ids = doc.expedite_ids.get(centre_class, {})
    assert [fee.value for fee in ids.values()] == [option.fee.value for option in listed], (
        f"SERVICES.md {list(map(str, ids.values()))} disagrees with the seed "
        f"{[str(option.fee) for option in listed]}"
    )
    urgency = catalogue.service(ID).question("urgency")
    offered = [option.id for option in urgency.options_for(centre_class)]
    assert offered == ["standard", *ids], f"SERVICES.md: {', '.join(map(str, ids.values()))}"

    standard = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, centre_class=centre_class)
    assert card.standard_days.value == doc.standard_days.value, f"{doc.standard_days}"
    assert [item.id for item in standard.bill.lines] == ["state-duty"]
    assert standard.ready_by is not None and is_working_day(standard.ready_by)
    assert working_days_after(standard.date, standard.ready_by) == card.standard_days.value, (
        f"ready {standard.ready_by}, not {card.standard_days} working days after {standard.date}"
    )
    assert card.standard_days.value in numbers_in(standard.processing)

    for option_id, option in zip(ids, listed, strict=True):
        for year in (year for year in services_doc().mci if year >= doc.seed_year):
            q = quote(
                catalogue,
                ID,
                ID_LOST_FIRST_STANDARD,
                centre_class=centre_class,
                urgency=option_id,
                day=date(year, 11, 23),
            )
            fee = line(q, "expedite")
            assert (fee.mci, fee.amount) == (None, option.fee.value), (
                f"{option_id} at a {centre_class} centre in {year}: the seed says {option.fee}, "
                f"the kiosk {fee.amount} ₸"
            )
            assert fee.payee == "state-corporation"
            assert q.bill.total == line(q, "state-duty").amount + option.fee.value
            assert q.ready_by is not None and is_working_day(q.ready_by)
            assert working_days_after(q.date, q.ready_by) == option.days.value, (
                f"{option_id}: ready {q.ready_by}, not {option.days} working days after {q.date}"
            )
        for language in LANGUAGES:
            q = quote(
                catalogue,
                ID,
                ID_LOST_FIRST_STANDARD,
                centre_class=centre_class,
                urgency=option_id,
                language=language,
            )
            assert numbers_in(q.processing) == [option.days.value], (q.processing, str(option))


def test_warning_and_fine_by_days_without_the_card(catalogue: Catalogue) -> None:
    """10 days to a month: a warning; over a month: a fine of 7 MCI (seed 004)."""
    card = id_card_seed()
    days, months = card.warning_from_days.value, card.warning_to_months.value
    month_words = [str(months)] + [w for w, n in KK_NUMBERS.items() if n == months]
    by_option = {
        f"under-{days}-days": set(),
        f"{days}-to-30-days": {"warning-10-to-30-days"},
        "over-30-days": {"fine-over-30-days"},
    }
    options = [o.id for o in catalogue.service(ID).question("days-without-id").options]
    assert options == list(by_option), f"{card.warning_from_days}: the kiosk asks {options}"
    for option_id, warned in by_option.items():
        q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, language="kk", days_without_id=option_id)
        shown = {w.id for w in q.warnings} & {"warning-10-to-30-days", "fine-over-30-days"}
        assert shown == warned, option_id
        if option_id.startswith(f"{days}-to"):
            text = text_of(q.warnings, "warning-10-to-30-days")
            assert re.search(rf"{days} күннен (?:{'|'.join(month_words)}) айға дейін", text), (
                f"the warning “{text}” does not state the seed's {card.warning_from_days}"
            )


def test_fine_warning_states_the_multiple_and_its_amount(catalogue: Catalogue) -> None:
    card, doc = id_card_seed(), services_doc()
    assert doc.fine_mci.value == card.fine_mci.value, f"{doc.fine_mci} vs {card.fine_mci}"
    assert expected(doc.fine_mci.value, doc.fine_year) == doc.fine_tenge.value, str(doc.fine_tenge)
    for year in doc.mci:
        for language in LANGUAGES:
            q = quote(
                catalogue,
                ID,
                ID_LOST_FIRST_STANDARD,
                day=date(year, 6, 2),
                language=language,
                days_without_id="over-30-days",
            )
            text = text_of(q.warnings, "fine-over-30-days")
            assert mci_in(text) == [card.fine_mci.value], f"“{text}” vs the seed's {card.fine_mci}"
            assert money_in(text) == [expected(card.fine_mci.value, year)], f"{year}: “{text}”"


def test_cards_are_issued_for_the_years_the_seed_says(catalogue: Catalogue) -> None:
    years = id_card_seed().validity_years
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, language="kk")
    text = text_of(q.notes, "paid-even-if-valid")
    assert f"{years.value} жылға" in text, f"“{text}” vs the seed's {years}"
    en = text_of(quote(catalogue, ID, ID_LOST_FIRST_STANDARD).notes, "paid-even-if-valid")
    assert f"{years.value} years" in en, en


# --- Seed 000: replacing a driving licence -------------------------------------------------


def licence_answers(reason: str) -> dict[str, str]:
    answers = dict(LICENCE_EARLY, reason=reason)
    if reason == "expired":
        answers["medical-exam"] = "yes"
    return answers


def test_licence_duty_for_every_reason_and_year(catalogue: Catalogue) -> None:
    licence, doc = licence_seed(), services_doc()
    assert doc.licence_duty_mci.value == licence.duty_mci.value, (
        f"SERVICES.md {doc.licence_duty_mci} vs the seed {licence.duty_mci}"
    )
    reasons = [o.id for o in catalogue.service(LICENCE).question("reason").options]
    for reason in reasons:
        for year in doc.mci:
            q = quote(catalogue, LICENCE, licence_answers(reason), day=date(year, 11, 23))
            assert q.complete, reason
            assert [(item.id, item.mci, item.amount) for item in q.bill.lines] == [
                ("state-duty", licence.duty_mci.value, expected(licence.duty_mci.value, year))
            ], f"{reason} in {year}: the seed says {licence.duty_mci}"
        paid = quote(catalogue, LICENCE, licence_answers(reason), duty_paid_before="yes")
        assert line(paid, "state-duty").amount == doc.licence_paid_before_mci.value, str(
            doc.licence_paid_before_mci
        )
        assert paid.bill.total == 0


def test_licence_is_done_in_the_minutes_the_seed_says(catalogue: Catalogue) -> None:
    licence, doc = licence_seed(), services_doc()
    assert doc.licence_minutes.value == licence.processing_minutes.value, str(doc.licence_minutes)
    for language in LANGUAGES:
        q = quote(catalogue, LICENCE, LICENCE_EARLY, language=language)
        assert numbers_in(q.processing) == [licence.processing_minutes.value], (
            f"“{q.processing}” vs the seed's {licence.processing_minutes}"
        )
        assert q.ready_by is None


def test_licence_fines_older_than_the_seeds_days_block(catalogue: Catalogue) -> None:
    days = licence_seed().fines_older_than_days
    service = catalogue.service(LICENCE)
    blocked = quote(catalogue, LICENCE, LICENCE_EARLY, unpaid_fines="yes")
    unsure = quote(catalogue, LICENCE, LICENCE_EARLY, unpaid_fines="dont-know")
    assert [b.id for b in blocked.blockers] == ["unpaid-fines"]
    texts = [service.question("unpaid-fines").text.get(language) for language in LANGUAGES]
    texts += [text_of(blocked.blockers, "unpaid-fines"), text_of(unsure.warnings, "check-fines")]
    for text in texts:
        assert days.value in numbers_in(text), f"“{text}” vs the seed's {days}"


def test_licence_photo_reused_from_a_document_of_the_seeds_years(catalogue: Catalogue) -> None:
    years = licence_seed().photo_max_years
    service = catalogue.service(LICENCE)
    for language in LANGUAGES:
        text = service.question("recent-photo-document").text.get(language)
        assert years.value in numbers_in(text), f"“{text}” vs the seed's {years}"
        new = quote(
            catalogue, LICENCE, LICENCE_EARLY, recent_photo_document="no", language=language
        )
        photo = next(doc for doc in new.documents if doc.id == "photo")
        assert years.value in numbers_in(photo.note), f"“{photo.note}” vs the seed's {years}"
    reuse = quote(catalogue, LICENCE, LICENCE_EARLY, recent_photo_document="yes")
    assert "photo" not in {doc.id for doc in reuse.documents}
    assert "photo-reuse" in {note.id for note in reuse.notes}


def test_expedite_fees_apply_from_the_year_of_the_seeds_figures(catalogue: Catalogue) -> None:
    """ "Жеделдетілген құжат рәсімдеудің құны: … 1 жұмыс күніне дейін – 3372 теңге": the
    article gives no start date; it prices the duty at the 2025 MCI ("0,2 АЕК (787
    теңге)"), so its fees are shipped as applying from 1 January of that year, not earlier."""
    doc = services_doc()
    for fee in catalogue.fees.fixed_fees:
        assert [rate.from_ for rate in fee.rates] == [date(doc.seed_year, 1, 1)], fee.id


def online_shown(catalogue: Catalogue, reason: str, day: date) -> bool:
    q = quote(catalogue, LICENCE, licence_answers(reason), day=day)
    return "online-available" in {warning.id for warning in q.warnings}


def test_online_replacement_from_the_date_services_md_and_the_seed_give(
    catalogue: Catalogue,
) -> None:
    licence, doc = licence_seed(), services_doc()
    start = doc.expired_online_from
    assert licence.expired_online_from == start, (
        f"the seed ({licence.expired_online_where}) says {licence.expired_online_from}, "
        f"SERVICES.md ({doc.expired_online_where}) {start}"
    )
    before = date(start.year, 1, 5)
    for reason in ("early", "lost", "stolen", "name-change"):
        assert online_shown(catalogue, reason, before), reason
        assert online_shown(catalogue, reason, start), reason
    assert online_shown(catalogue, "expired", start)


def test_expired_licence_is_not_online_before_that_date(catalogue: Catalogue) -> None:
    start = services_doc().expired_online_from
    assert not online_shown(catalogue, "expired", date(start.year, 1, 5)), (
        f"an expired licence is online only from {start} ({services_doc().expired_online_where})"
    )


# --- SERVICES.md: "Amounts a visitor sees today" -------------------------------------------


def _bill(q: Quote) -> tuple[Decimal, ...]:
    amounts = tuple(item.amount for item in q.bill.lines)
    return (*amounts, q.bill.total) if len(amounts) > 1 else amounts


def _id_first_standard(catalogue: Catalogue, day: date) -> list[tuple[Decimal, ...]]:
    return [_bill(quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=day))]


def _id_third_major_one_day(catalogue: Catalogue, day: date) -> list[tuple[Decimal, ...]]:
    answers = dict(ID_LOST_FIRST_STANDARD, urgency="1-day")
    answers["losses-this-year"] = "3-or-more"
    return [_bill(quote(catalogue, ID, answers, day=day, centre_class="major"))]


def _fine(catalogue: Catalogue, day: date) -> list[tuple[Decimal, ...]]:
    shown = []
    for language in LANGUAGES:
        q = quote(
            catalogue,
            ID,
            ID_LOST_FIRST_STANDARD,
            day=day,
            language=language,
            days_without_id="over-30-days",
        )
        shown.append(tuple(money_in(text_of(q.warnings, "fine-over-30-days"))))
    return shown


def _licence_any_reason(catalogue: Catalogue, day: date) -> list[tuple[Decimal, ...]]:
    reasons = [o.id for o in catalogue.service(LICENCE).question("reason").options]
    return [_bill(quote(catalogue, LICENCE, licence_answers(r), day=day)) for r in reasons]


TODAY_CASES = {
    "ID card lost, 1st time, standard": _id_first_standard,
    "ID card lost 3rd time this year, `major`, `1-day`": _id_third_major_one_day,
    "fine warning shown for `over-30-days`": _fine,
    "driving licence, any reason, not paid before": _licence_any_reason,
}


def test_every_row_of_the_today_table_is_checked() -> None:
    rows = services_doc().today_rows
    assert {row.case for row in rows} == set(TODAY_CASES), (
        f"SERVICES.md's rows ({rows[0].where}…) are not the cases checked here"
    )


@pytest.mark.parametrize("case", TODAY_CASES)
def test_amounts_a_visitor_sees_today(catalogue: Catalogue, case: str) -> None:
    doc = services_doc()
    row = next((row for row in doc.today_rows if row.case == case), None)
    if row is None:
        fail(f"SERVICES.md's table of amounts a visitor sees today has no row {case!r}")
    assert row is not None
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, day=doc.today)
    assert q.mci.value == doc.today_mci.value, f"{doc.today}: MCI {q.mci.value}, {doc.today_mci}"
    for shown in TODAY_CASES[case](catalogue, doc.today):
        assert shown == row.amounts, f"{row.where}: {case}: SERVICES.md {row.amounts}, {shown}"
