"""Answers in, Quote out: documents, bill, warnings, notes, blockers, ready-by date.

The quote is built for one visit date (its year picks the MCI and rounding), one centre
class (it decides the expedited options) and one language (every text in the quote).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict

from kiosk.logic.catalogue import AmountCase, BillLineRule, Catalogue, Message, Option, Service
from kiosk.logic.conditions import CentreClass, holds
from kiosk.logic.i18n import Language, amount_text, format_money
from kiosk.logic.interview import (
    active_blockers,
    applicable_questions,
    check_answers,
    next_question,
)
from kiosk.logic.money import Bill, BillLine, FeeSchedule, MciYear, MoneyError, mci_amount
from kiosk.logic.payment import PaymentProfile, build_payload
from kiosk.logic.workdays import add_working_days


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Item(_Model):
    """A warning, note or blocker as the visitor reads it."""

    id: str
    text: str
    title: str | None = None


class DocumentItem(_Model):
    """A document to bring: what it is, and where to get it if the visitor lacks it."""

    id: str
    title: str
    note: str
    where: str | None = None
    held: bool = False  # the answers say the visitor has it


class Payment(_Model):
    """What one payee is paid, and the QR payload that pays it (`demo`: not a real account)."""

    payee: str
    payee_name: str
    amount: Decimal
    payload: str
    demo: bool


class Quote(_Model):
    """Everything the kiosk tells a visitor about their case."""

    service: str
    date: dt.date
    language: Language
    centre_class: CentreClass
    complete: bool
    next_question: str | None
    answers: dict[str, str]
    blockers: tuple[Item, ...]
    warnings: tuple[Item, ...]
    notes: tuple[Item, ...]
    documents: tuple[DocumentItem, ...]
    bill: Bill
    ready_by: dt.date | None
    processing: str
    payments: tuple[Payment, ...] = ()
    mci: MciYear
    online_url: str | None = None

    @property
    def blocked(self) -> bool:
        """A blocker applies: the visitor must do something else first."""
        return bool(self.blockers)

    def to_json(self) -> dict[str, Any]:
        """The quote as the `kiosk quote` command prints it (field names are a contract)."""

        def items(group: tuple[Item, ...]) -> list[dict[str, str]]:
            return [{"id": item.id, "text": item.text} for item in group]

        return {
            "service": self.service,
            "date": self.date.isoformat(),
            "language": self.language,
            "complete": self.complete,
            "next_question": self.next_question,
            "answers": dict(self.answers),
            "blockers": items(self.blockers),
            "warnings": items(self.warnings),
            "notes": items(self.notes),
            "documents": [
                {"id": doc.id, "title": doc.title, "note": doc.note} for doc in self.documents
            ],
            "bill": {
                "lines": [
                    {
                        "id": line.id,
                        "label": line.label,
                        "mci": decimal_text(line.mci) if line.mci is not None else None,
                        "amount": amount_text(line.amount),
                        "payee": line.payee,
                    }
                    for line in self.bill.lines
                ],
                "total": amount_text(self.bill.total),
            },
            "ready_by": self.ready_by.isoformat() if self.ready_by else None,
            "processing": self.processing,
            "payments": [
                {"payee": p.payee, "amount": amount_text(p.amount), "payload": p.payload}
                for p in self.payments
            ],
            "mci": {"year": self.mci.year, "value": amount_text(self.mci.value)},
        }


def decimal_text(value: Decimal) -> str:
    """A multiple such as 0.2 or 1.25 without trailing zeros."""
    return format(value.normalize(), "f")


def make_quote(
    catalogue: Catalogue,
    service_id: str,
    answers: Mapping[str, str],
    *,
    visit_date: dt.date,
    centre_class: CentreClass,
    language: Language,
    profiles: Mapping[str, PaymentProfile] | None = None,
    reference: str = "",
) -> Quote:
    """Price and describe a visitor's case. Raises AnswerError, UnknownService, MoneyError.

    With payment `profiles` (payee id -> profile), a complete quote carries one payment
    QR payload per payee with a non-zero amount; `reference` is their bill number.
    """
    service = catalogue.service(service_id)
    check_answers(service, answers, centre_class)
    ordered = {q.id: answers[q.id] for q in service.questions if q.id in answers}
    mci = catalogue.fees.mci_for(visit_date.year)
    blockers = active_blockers(service, ordered, centre_class)
    following = next_question(service, ordered, centre_class)
    complete = not blockers and following is None

    def applies(condition: Any) -> bool:
        return holds(condition, ordered, centre_class)

    documents = tuple(
        DocumentItem(
            id=doc.id,
            title=doc.title.get(language),
            note=next((c.text for c in doc.cases if applies(c.when)), doc.note).get(language),
            where=doc.where.get(language) if doc.where else None,
            held=doc.held is not None and applies(doc.held),
        )
        for doc in service.documents
        if applies(doc.when)
    )
    bill = Bill()
    ready_by = None
    if complete:
        bill = price_bill(catalogue, service, ordered, visit_date, centre_class, language)
        days = _working_days(service, ordered)
        ready_by = add_working_days(visit_date, days) if days is not None else None
    return Quote(
        service=service.id,
        date=visit_date,
        language=language,
        centre_class=centre_class,
        complete=complete,
        next_question=following.id if following else None,
        answers=ordered,
        blockers=tuple(
            Item(id=b.id, text=b.text.get(language), title=b.title.get(language)) for b in blockers
        ),
        warnings=_messages(service.warnings, applies, mci, language),
        notes=_messages(service.notes, applies, mci, language),
        documents=documents,
        bill=bill,
        ready_by=ready_by,
        processing=_processing(service, ordered, language),
        payments=_payments(bill, catalogue, profiles, reference, language) if profiles else (),
        mci=mci,
        online_url=service.online.url if service.online else None,
    )


def price_bill(
    catalogue: Catalogue,
    service: Service,
    answers: Mapping[str, str],
    visit_date: dt.date,
    centre_class: CentreClass,
    language: Language,
) -> Bill:
    """The bill of a complete case (the lines that apply, priced on `visit_date`)."""
    plan = bill_plan(service, answers, centre_class)
    amounts = plan_amounts(plan, catalogue.fees, visit_date, centre_class)
    return Bill(
        lines=tuple(
            BillLine(
                id=rule.id,
                label=rule.label.get(language),
                mci=amount.mci,
                amount=value,
                payee=rule.payee,
            )
            for (rule, amount, _), value in zip(plan, amounts, strict=True)
        )
    )


PlannedLine = tuple[BillLineRule, "BillLineRule | AmountCase", "str | None"]


def bill_plan(
    service: Service, answers: Mapping[str, str], centre_class: CentreClass
) -> tuple[PlannedLine, ...]:
    """The bill lines that apply, each with the amount it takes (its own or the first case
    that holds) and the fixed fee it names; a line naming the fee of an option that has
    none is left out."""
    plan: list[PlannedLine] = []
    for rule in service.bill:
        if not holds(rule.when, answers, centre_class):
            continue
        amount: BillLineRule | AmountCase = next(
            (case for case in rule.cases if holds(case.when, answers, centre_class)), rule
        )
        fee_id = amount.fee
        if amount.mci is None and amount.option_fee is not None:
            question = service.question(amount.option_fee)
            option = question.option(answers.get(amount.option_fee, "")) if question else None
            fee_id = option.fee if option else None
            if fee_id is None:
                continue
        plan.append((rule, amount, fee_id))
    return tuple(plan)


def plan_amounts(
    plan: tuple[PlannedLine, ...], fees: FeeSchedule, visit_date: dt.date, centre_class: CentreClass
) -> list[Decimal]:
    """The amount in tenge of each planned line on `visit_date` (MoneyError if missing)."""
    mci = fees.mci_for(visit_date.year)
    values = []
    for _, amount, fee_id in plan:
        if amount.mci is not None:
            values.append(mci_amount(amount.mci, mci))
        else:
            assert fee_id is not None
            values.append(fees.fixed_amount(fee_id, visit_date, centre_class))
    return values


def _chosen_options(service: Service, answers: Mapping[str, str]) -> list[Option]:
    chosen = []
    for question in service.questions:
        if question.id in answers:
            option = question.option(answers[question.id])
            if option is not None:
                chosen.append(option)
    return chosen


def _working_days(service: Service, answers: Mapping[str, str]) -> int | None:
    for option in _chosen_options(service, answers):
        if option.working_days is not None:
            return option.working_days
    return service.working_days


def _processing(service: Service, answers: Mapping[str, str], language: Language) -> str:
    for option in _chosen_options(service, answers):
        if option.processing is not None:
            return option.processing.get(language)
    return service.processing.get(language)


def _payments(
    bill: Bill,
    catalogue: Catalogue,
    profiles: Mapping[str, PaymentProfile],
    reference: str,
    language: Language,
) -> tuple[Payment, ...]:
    """One payment per payee with something to pay, in the order the bill names them."""
    payments = []
    names = {payee.id: payee.name.get(language) for payee in catalogue.fees.payees}
    for payee, amount in bill.by_payee().items():
        if amount <= 0:
            continue
        profile = profiles.get(payee)
        if profile is None:
            raise MoneyError(f"no payment profile is configured for payee {payee!r}")
        label = "+".join(line.id for line in bill.lines if line.payee == payee and line.amount)
        payments.append(
            Payment(
                payee=payee,
                payee_name=names[payee],
                amount=amount,
                payload=build_payload(profile, amount, reference, label),
                demo=profile.demo,
            )
        )
    return tuple(payments)


def _messages(
    messages: tuple[Message, ...], applies: Any, mci: MciYear, language: Language
) -> tuple[Item, ...]:
    return tuple(
        Item(
            id=message.id,
            text=message.text.render(
                language,
                {
                    name: format_money(mci_amount(sum_.mci, mci), language)
                    for name, sum_ in message.amounts.items()
                },
            ),
        )
        for message in messages
        if applies(message.when)
    )


__all__ = ["DocumentItem", "Item", "Payment", "Quote", "applicable_questions", "make_quote"]
