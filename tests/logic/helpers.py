"""Answer sets used across the logic tests."""

from __future__ import annotations

from datetime import date

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.quote import Quote, make_quote

TODAY = date(2026, 11, 23)
IN_2025 = date(2025, 6, 2)

ID_LOST_FIRST_STANDARD = {
    "circumstance": "lost",
    "losses-this-year": "1",
    "duty-exemption": "no",
    "foreign-passport": "no",
    "days-without-id": "under-10-days",
    "urgency": "standard",
}
LICENCE_EARLY = {
    "reason": "early",
    "unpaid-fines": "no",
    "recent-photo-document": "yes",
    "duty-paid-before": "no",
}


def quote(
    catalogue: Catalogue,
    service: str,
    answers: dict[str, str],
    *,
    day: date = TODAY,
    centre_class: str = "major",
    language: str = "en",
    **changes: str,
) -> Quote:
    """A quote for `answers` with some answers changed (underscores stand for hyphens)."""
    merged = dict(answers)
    merged.update({key.replace("_", "-"): value for key, value in changes.items()})
    return make_quote(
        catalogue,
        service,
        merged,
        visit_date=day,
        centre_class=centre_class,  # type: ignore[arg-type]
        language=language,  # type: ignore[arg-type]
    )
