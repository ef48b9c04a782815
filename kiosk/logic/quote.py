"""Answers in, Quote out: documents, bill, warnings, notes, blockers, ready-by date.

The quote is built for one visit date (its year picks the MCI and rounding), one centre
class (it decides the expedited options) and one language (every text in the quote).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict

from kiosk.logic.catalogue import (
    AmountCase,
    BillLineRule,
    Catalogue,
    Document,
    Message,
    Option,
    Service,
)
from kiosk.logic.conditions import CentreClass, holds
from kiosk.logic.i18n import Language, Strings, format_money, format_number
from kiosk.logic.interview import (
    active_blockers,
    applicable_questions,
    check_answers,
    next_question,
)
from kiosk.logic.money import Bill, BillLine, FeeSchedule, MciYear, MoneyError, mci_amount
from kiosk.logic.payment import PaymentProfile, build_payload
from kiosk.logic.workdays import add_working_days

DUTY_NOT_PUBLISHED = "duty-not-published"  # the warning of a year with no MCI published


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
    note_on_slip: bool = False  # the slip says the note too (where it is filled in)


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
    bill: Bill | None  # None: the visit year's MCI is not published and the bill needs it
    ready_by: dt.date | None
    processing: str
    payments: tuple[Payment, ...] = ()
    mci: MciYear | None  # None: the visit year has no MCI published yet
    online_url: str | None = None  # where the service can be done online, when it can
    online_text: str | None = None  # the caption of its QR code
    online_steps: tuple[str, ...] = ()  # the online application's steps, in order

    @property
    def blocked(self) -> bool:
        """A blocker applies: the visitor must do something else first."""
        return bool(self.blockers)

    def to_json(self) -> dict[str, Any]:
        """The quote as the `kiosk quote` command prints it (field names are a contract)."""
        from kiosk.logic.quote_json import quote_json

        return quote_json(self)


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
    strings: Strings | None = None,
) -> Quote:
    """Price and describe a visitor's case. Raises AnswerError, UnknownService, MoneyError.

    With payment `profiles` (payee id -> profile), a complete quote carries one payment
    QR payload per payee with a non-zero amount; `reference` is their bill number.
    In a year with no MCI published, a bill that needs it is None, with the warning
    `duty-not-published`, and MCI sums in messages are said in MCI: the kiosk's `strings`
    give those texts (without them such a quote is a MoneyError).
    """
    service = catalogue.service(service_id)
    check_answers(service, answers, centre_class)
    ordered = {q.id: answers[q.id] for q in service.questions if q.id in answers}
    mci = next((entry for entry in catalogue.fees.mci if entry.year == visit_date.year), None)
    blockers = active_blockers(service, ordered, centre_class)
    following = next_question(service, ordered, centre_class)
    complete = not blockers and following is None

    def applies(condition: Any) -> bool:
        return holds(condition, ordered, centre_class, visit_date, mci is not None)

    documents = tuple(
        _document(doc, applies, language) for doc in service.documents if applies(doc.when)
    )
    bill: Bill | None = Bill() if mci is not None else None
    ready_by = None
    if complete:
        bill = price_bill(catalogue, service, ordered, visit_date, centre_class, language)
        days = _working_days(service, ordered)
        if days is not None:
            ready_by = add_working_days(visit_date, days, catalogue.calendar)

    def mci_sum(multiple: Decimal) -> str:
        """An MCI sum in tenge at the year's MCI, or in MCI when it has none (no guess)."""
        if mci is not None:
            return format_money(mci_amount(multiple, mci), language)
        number = format_number(multiple, language)
        return _texts(strings, visit_date).text("quote.mci-amount", language, multiple=number)

    unpublished: tuple[Item, ...] = ()
    if bill is None:
        text = _texts(strings, visit_date).text(
            "quote.duty-not-published", language, year=str(visit_date.year)
        )
        unpublished = (Item(id=DUTY_NOT_PUBLISHED, text=text),)
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
        warnings=unpublished + _messages(service.warnings, applies, mci_sum, language),
        notes=_messages(service.notes, applies, mci_sum, language),
        documents=documents,
        bill=bill,
        ready_by=ready_by,
        processing=_processing(service, ordered, language),
        payments=_payments(bill, catalogue, profiles, reference, language)
        if profiles and bill is not None
        else (),
        mci=mci,
        **_online(service, applies, language),
    )


def price_bill(
    catalogue: Catalogue,
    service: Service,
    answers: Mapping[str, str],
    visit_date: dt.date,
    centre_class: CentreClass,
    language: Language,
) -> Bill | None:
    """The bill of a complete case (the lines that apply, priced on `visit_date`); None
    when a line needs the MCI of a year that has none published (0 MCI needs none)."""
    plan = bill_plan(service, answers, centre_class)
    published = visit_date.year in catalogue.fees.years()
    if not published and any(amount.mci for _, amount, _ in plan):
        return None
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
    """The amount in tenge of each planned line on `visit_date` (MoneyError if missing;
    0 MCI is 0 tenge in any year, published or not)."""
    values = []
    for _, amount, fee_id in plan:
        if amount.mci == 0:
            values.append(Decimal(0))
        elif amount.mci is not None:
            values.append(mci_amount(amount.mci, fees.mci_for(visit_date.year)))
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


def _online(service: Service, applies: Any, language: Language) -> dict[str, Any]:
    """The online alternative, on a visit date when it can be used."""
    online = service.online
    if online is None or not applies(online.when):
        return {}
    return {
        "online_url": online.url,
        "online_text": online.text.get(language),
        "online_steps": tuple(step.get(language) for step in online.steps),
    }


def _document(doc: Document, applies: Any, language: Language) -> DocumentItem:
    """A document as the visitor reads it: the first case that holds gives its note and
    where to get it (each it names)."""
    case = next((c for c in doc.cases if applies(c.when)), None)
    note = case.text if case and case.text else doc.note
    where = case.where if case and case.where else doc.where
    return DocumentItem(
        id=doc.id,
        title=doc.title.get(language),
        note=note.get(language),
        where=where.get(language) if where else None,
        held=doc.held is not None and applies(doc.held),
        note_on_slip=doc.note_on_slip,
    )


def _messages(
    messages: tuple[Message, ...],
    applies: Any,
    mci_sum: Callable[[Decimal], str],
    language: Language,
) -> tuple[Item, ...]:
    return tuple(
        Item(
            id=message.id,
            text=next(
                (case.text for case in message.cases if case.text and applies(case.when)),
                message.text,
            ).render(
                language,
                {name: mci_sum(sum_.mci) for name, sum_ in message.amounts.items()},
            ),
        )
        for message in messages
        if applies(message.when)
    )


def _texts(strings: Strings | None, visit_date: dt.date) -> Strings:
    """The kiosk's texts, which say what stands in for an amount the visit year's MCI would
    give; a quote made without them cannot say it (MoneyError)."""
    if strings is None:
        raise MoneyError(
            f"no MCI is configured for {visit_date.year} in the fee schedule (fees.yaml)"
        )
    return strings


__all__ = [
    "DUTY_NOT_PUBLISHED",
    "DocumentItem",
    "Item",
    "Payment",
    "Quote",
    "applicable_questions",
    "make_quote",
]
