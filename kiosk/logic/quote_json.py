"""The Quote as `kiosk quote` prints it: the JSON schema of DESIGN.md, a contract.

Amounts are strings of whole tenge or tenge.tiyn. In a year whose MCI is not published,
`bill` and `mci` are null and `payments` is empty (the quote's warnings say why).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kiosk.logic.i18n import amount_text

if TYPE_CHECKING:
    from kiosk.logic.quote import Item, Quote


def quote_json(quote: Quote) -> dict[str, Any]:
    """The quote's JSON object, its fields in the contract's order."""

    def items(group: tuple[Item, ...]) -> list[dict[str, str]]:
        return [{"id": item.id, "text": item.text} for item in group]

    bill = quote.bill
    return {
        "service": quote.service,
        "date": quote.date.isoformat(),
        "language": quote.language,
        "complete": quote.complete,
        "next_question": quote.next_question,
        "answers": dict(quote.answers),
        "blockers": items(quote.blockers),
        "warnings": items(quote.warnings),
        "notes": items(quote.notes),
        "documents": [
            {"id": doc.id, "title": doc.title, "note": doc.note} for doc in quote.documents
        ],
        "bill": None
        if bill is None
        else {
            "lines": [
                {
                    "id": line.id,
                    "label": line.label,
                    "mci": decimal_text(line.mci) if line.mci is not None else None,
                    "amount": amount_text(line.amount),
                    "payee": line.payee,
                }
                for line in bill.lines
            ],
            "total": amount_text(bill.total),
        },
        "ready_by": quote.ready_by.isoformat() if quote.ready_by else None,
        "processing": quote.processing,
        "payments": [
            {"payee": p.payee, "amount": amount_text(p.amount), "payload": p.payload}
            for p in quote.payments
        ],
        "mci": None
        if quote.mci is None
        else {"year": quote.mci.year, "value": amount_text(quote.mci.value)},
    }


def decimal_text(value: Decimal) -> str:
    """A multiple such as 0.2 or 1.25 without trailing zeros."""
    return format(value.normalize(), "f")
