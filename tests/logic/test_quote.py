"""Documents, warnings, notes and blockers: each one reachable and asserted."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.i18n import LANGUAGES

from .helpers import ID_LOST_FIRST_STANDARD, LICENCE_EARLY, quote

ID = "id-card-restoration"
LICENCE = "driving-licence-replacement"


def ids(items):
    return [item.id for item in items]


def test_id_card_lost_documents_and_warnings(catalogue: Catalogue) -> None:
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD)
    assert ids(q.documents) == ["application", "duty-receipt"]
    assert q.documents[0].note == "Filled in at the service centre."
    assert ids(q.warnings) == ["digital-id-unusable", "report-loss-now"]
    assert q.blockers == ()


def test_id_card_stolen_with_talon(catalogue: Catalogue) -> None:
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, circumstance="stolen", police_talon="yes")
    assert q.complete
    assert ids(q.documents) == ["application", "police-talon", "duty-receipt"]
    assert q.documents[0].note == "Filled in at the police station."


def test_police_report_first_blocker(catalogue: Catalogue) -> None:
    q = quote(catalogue, ID, {"circumstance": "stolen", "police-talon": "no"})
    assert ids(q.blockers) == ["police-report-first"]
    assert not q.complete and q.next_question is None
    assert q.bill.lines == () and q.ready_by is None
    assert "criminal case" in q.blockers[0].text
    assert "circumstances of the loss are unknown" in q.blockers[0].text


def test_exemption_and_foreign_passport_documents(catalogue: Catalogue) -> None:
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, duty_exemption="yes", foreign_passport="yes")
    assert ids(q.documents) == ["application", "exemption-document", "foreign-passport"]


@pytest.mark.parametrize(
    ("days", "warning", "absent"),
    [
        ("10-to-30-days", "warning-10-to-30-days", "fine-over-30-days"),
        ("over-30-days", "fine-over-30-days", "warning-10-to-30-days"),
    ],
)
def test_days_without_id_warnings(catalogue: Catalogue, days, warning, absent) -> None:
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, days_without_id=days)
    assert warning in ids(q.warnings) and absent not in ids(q.warnings)
    assert {"digital-id-unusable", "report-loss-now"} <= set(ids(q.warnings))


def test_under_ten_days_has_neither_penalty(catalogue: Catalogue) -> None:
    q = quote(catalogue, ID, ID_LOST_FIRST_STANDARD)
    assert not {"warning-10-to-30-days", "fine-over-30-days"} & set(ids(q.warnings))


def test_ready_by_counts_working_days(catalogue: Catalogue) -> None:
    standard = quote(catalogue, ID, ID_LOST_FIRST_STANDARD)
    assert standard.ready_by == date(2026, 12, 14)
    one_day = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, urgency="1-day")
    assert one_day.ready_by == date(2026, 11, 24)
    # Friday 2026-12-11 plus three working days crosses the weekend and Independence Day.
    three = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, urgency="3-days", day=date(2026, 12, 11))
    assert three.ready_by == date(2026, 12, 17)


def test_licence_medical_exam_blocker(catalogue: Catalogue) -> None:
    q = quote(catalogue, LICENCE, {"reason": "expired", "medical-exam": "no"})
    assert ids(q.blockers) == ["medical-exam-required"]
    assert not q.complete


def test_licence_early_needs_no_exam(catalogue: Catalogue) -> None:
    q = quote(catalogue, LICENCE, {"reason": "early"})
    assert q.next_question == "unpaid-fines"


def test_licence_unpaid_fines_blocker(catalogue: Catalogue) -> None:
    q = quote(catalogue, LICENCE, {"reason": "lost", "unpaid-fines": "yes"})
    assert ids(q.blockers) == ["unpaid-fines"]


def test_licence_dont_know_fines_warns(catalogue: Catalogue) -> None:
    q = quote(catalogue, LICENCE, LICENCE_EARLY, unpaid_fines="dont-know")
    assert q.complete
    assert ids(q.warnings) == ["check-fines", "data-not-digitised", "online-available"]


def test_licence_documents_and_notes(catalogue: Catalogue) -> None:
    reuse = quote(catalogue, LICENCE, LICENCE_EARLY)
    assert ids(reuse.documents) == ["id-card", "duty-receipt"]
    assert ids(reuse.notes) == ["photo-reuse"]
    assert ids(reuse.warnings) == ["data-not-digitised", "online-available"]
    new_photo = quote(catalogue, LICENCE, LICENCE_EARLY, recent_photo_document="no")
    assert "photo" in ids(new_photo.documents) and "photo-reuse" not in ids(new_photo.notes)


def test_licence_previously_paid(catalogue: Catalogue) -> None:
    q = quote(catalogue, LICENCE, LICENCE_EARLY, duty_paid_before="yes")
    assert q.bill.total == 0
    assert [line.amount for line in q.bill.lines] == [0]
    assert "previously-paid" in ids(q.notes)
    assert "duty-receipt" not in ids(q.documents)


def test_licence_ready_by_is_not_a_date(catalogue: Catalogue) -> None:
    q = quote(catalogue, LICENCE, LICENCE_EARLY)
    assert q.ready_by is None and q.processing == "60 minutes"


def test_online_alternative_url(catalogue: Catalogue) -> None:
    online = catalogue.service(LICENCE).online
    assert online is not None and online.url.startswith("https://egov.kz")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_in_the_visitor_language(catalogue: Catalogue, language) -> None:
    q = quote(
        catalogue, ID, ID_LOST_FIRST_STANDARD, language=language, days_without_id="over-30-days"
    )
    other = [lang for lang in LANGUAGES if lang != language]
    for item in (*q.warnings, *q.notes):
        service_message = next(
            m
            for m in (*catalogue.service(ID).warnings, *catalogue.service(ID).notes)
            if m.id == item.id
        )
        assert all(item.text != service_message.text.get(lang) for lang in other)
    assert q.language == language


def test_incomplete_quote_names_the_next_question(catalogue: Catalogue) -> None:
    q = quote(catalogue, ID, {"circumstance": "lost"})
    assert not q.complete and q.next_question == "losses-this-year"
    assert q.bill.lines == () and q.ready_by is None


def test_json_has_the_contract_fields(catalogue: Catalogue) -> None:
    data = quote(catalogue, ID, ID_LOST_FIRST_STANDARD, urgency="1-day").to_json()
    assert list(data) == [
        "service",
        "date",
        "language",
        "complete",
        "next_question",
        "answers",
        "blockers",
        "warnings",
        "notes",
        "documents",
        "bill",
        "ready_by",
        "processing",
        "payments",
        "mci",
    ]
    assert data["bill"] == {
        "lines": [
            {
                "id": "state-duty",
                "label": "State duty",
                "mci": "0.2",
                "amount": "865",
                "payee": "state-budget",
            },
            {
                "id": "expedite",
                "label": "Expedited issuance",
                "mci": None,
                "amount": "3372",
                "payee": "state-corporation",
            },
        ],
        "total": "4237",
    }
    assert data["mci"] == {"year": 2026, "value": "4325"}
    assert set(data["documents"][0]) == {"id", "title", "note"}
