"""What the end of the journey says: the result (paying), a blocker, printing and its
outcomes, thanks, and the questions asked before something is lost (start over, finish
without a slip)."""

from __future__ import annotations

from kiosk.logic.content import Choice, Fact, Line, Message, QrItem, ScreenContent
from kiosk.logic.i18n import Language, Strings, format_date, format_number
from kiosk.logic.quote import Quote
from kiosk.logic.texts import Texts, item_messages


def payment_codes(quote: Quote, strings: Strings) -> tuple[QrItem, ...]:
    """A QR item per payment of the quote, numbered, with what it pays and to whom."""
    t = Texts(strings, quote.language)
    count = len(quote.payments)
    return tuple(
        QrItem(
            id=payment.payee,
            title=t(
                "payment.code" if count > 1 else "payment.code-one",
                number=str(number),
                count=str(count),
                purpose=", ".join(
                    line.label
                    for line in (quote.bill.lines if quote.bill else ())
                    if line.payee == payment.payee and line.amount
                ),
            ),
            payload=payment.payload,
            amount=payment.amount,
            amount_text=t.money(payment.amount),
            demo=t("payment.demo") if payment.demo else "",
            payee=t("payment.to", payee=payment.payee_name),
        )
        for number, payment in enumerate(quote.payments, start=1)
    )


def result(quote: Quote, strings: Strings) -> ScreenContent:
    """A complete quote: the bill, a QR code per payee, when it will be ready, warnings and
    notes, and where the service can be done online (on a visit date when it can, with the
    online application's steps). With nothing to pay there is no
    payment section at all; in a year with no MCI published, the warning that the duty is
    paid at the centre stands in place of the bill (no amount, no code)."""
    language = quote.language
    t = Texts(strings, language)
    bill = quote.bill
    heading = t("result.title")
    lines: list[Line] = []
    total = None
    facts = []
    steps = [t("result.step-print"), t("result.step-window")]
    if bill is not None and (bill.total or quote.payments):
        lines = _bill_lines(quote, t)
        total = Line("bill-total", t("result.total"), bill.total, t.money(bill.total))
        mci = quote.mci
        if mci is not None and any(line.mci for line in bill.lines if line.amount):
            year = t("result.mci-year", year=str(mci.year), value=t.money(mci.value))
            facts.append(Fact("mci-year", year))
        if quote.payments:
            facts.append(Fact("pay-title", t("result.pay-panel")))
            one = len(quote.payments) == 1
            steps.insert(0, t("result.step-pay-one" if one else "result.step-pay"))
    elif bill is not None:
        heading = t("result.title-nothing-to-pay")
        facts.append(Fact("nothing-to-pay", t("result.nothing-to-pay")))
    facts.append(Fact("steps-title", t("result.steps-title")))
    facts.append(Fact("steps", "\n".join(f"{n}. {step}" for n, step in enumerate(steps, 1))))
    if quote.ready_by is not None:
        facts.append(
            Fact(
                "ready-by",
                t("result.ready-by", date=format_date(quote.ready_by, language, case="dative")),
            )
        )
    facts.append(Fact("processing", t("result.processing", text=quote.processing)))
    if quote.warnings or quote.notes:
        facts.append(Fact("notes-title", t("result.notes")))
    codes = list(payment_codes(quote, strings))
    if quote.online_url is not None:
        facts.append(Fact("online-title", t("result.online")))
        facts.append(Fact("online-note", t("result.online-not-payment")))
        if quote.online_steps:
            numbered = (f"{n}. {step}" for n, step in enumerate(quote.online_steps, 1))
            facts.append(Fact("online-steps", "\n".join(numbered)))
        title = quote.online_text or ""
        codes.append(QrItem(id="online", title=title, payload=quote.online_url))
    return ScreenContent(
        screen="result",
        language=language,
        heading=heading,
        lines=tuple(lines),
        total=total,
        progress=f"{total.label}: {total.text}" if total else "",  # beside Print
        qr=tuple(codes),
        messages=item_messages("warning", quote.warnings) + item_messages("note", quote.notes),
        facts=tuple(facts),
        actions=(
            *t.nav(),
            Choice("finish", t("result.finish")),
            Choice("print-slip", t("result.print")),
        ),
    )


def _bill_lines(quote: Quote, t: Texts) -> list[Line]:
    """The bill's lines with something to pay, each amount as shown (`0,2 АЕК × 4 325 ₸ =
    865 ₸`); a line of 0 (exempt, paid before) is left out: it is nothing to pay."""
    assert quote.bill is not None
    lines = []
    for line in quote.bill.lines:
        if not line.amount:
            continue
        shown = t.money(line.amount)
        if line.mci is not None:
            assert quote.mci is not None  # an amount in MCI other than 0 needs the year's
            multiple = format_number(line.mci, quote.language)
            mci = t.money(quote.mci.value)
            shown = t("result.mci-line", multiple=multiple, mci=mci, amount=shown)
        lines.append(Line(line.id, line.label, line.amount, shown))
    return lines


def result_unavailable(strings: Strings, language: Language) -> ScreenContent:
    """The cost cannot be worked out (a fee with no rate on the day, a payee with no
    account): said so, never a guessed amount. (A year with no MCI published is not this:
    its result says the duty is paid at the centre.)"""
    t = Texts(strings, language)
    return ScreenContent(
        screen="result",
        language=language,
        heading=t("result.unavailable"),
        messages=(Message("result-unavailable", "blocker", t("result.unavailable")),),
        actions=(*t.nav(), Choice("finish", t("result.finish"))),
    )


def blocker(quote: Quote, strings: Strings) -> ScreenContent:
    """What must be done first, where, and what to bring back."""
    t = Texts(strings, quote.language)
    return ScreenContent(
        screen="blocker",
        language=quote.language,
        heading=t("blocker.title"),
        messages=item_messages("blocker", quote.blockers),
        actions=(
            *t.nav(),
            Choice("finish", t("result.finish")),
            Choice("print-slip", t("result.print")),  # what to do first, on paper
        ),
    )


def printing(status: str | None, reference: str, quote: Quote, strings: Strings) -> ScreenContent:
    """Printing (status None), then what came of it: printed, failed or unknown. When the
    visitor may have no slip, the payment codes are shown again."""
    t = Texts(strings, quote.language)
    facts = [Fact("print-reference", t("printing.reference", reference=reference))]
    if status == "printed":
        steps = [t("slip.next-pay")] if quote.payments else []
        facts.append(Fact("print-next", "\n".join([*steps, t("slip.next-counter")])))
    actions = []
    if status == "failed":
        actions.append(Choice("print-retry", t("printing.retry")))
    if status is not None:
        actions.append(Choice("finish", t("printing.done")))
    return ScreenContent(
        screen="printing",
        language=quote.language,
        heading=t(f"printing.{status or 'printing'}"),
        qr=payment_codes(quote, strings) if status in ("failed", "unknown") else (),
        facts=tuple(facts),
        actions=tuple(actions),
    )


def thanks(strings: Strings, language: Language) -> ScreenContent:
    """Thank you, and a button back to the start."""
    t = Texts(strings, language)
    return ScreenContent(
        screen="thanks",
        language=language,
        heading=t("thanks.title"),
        text=t("thanks.text"),
        choices=(Choice("finish", t("printing.done")),),
    )


def confirm(strings: Strings, language: Language, kind: str) -> ScreenContent:
    """The question asked before something is lost: `kind` is start-over,
    finish-unprinted or exit."""
    t = Texts(strings, language)
    return ScreenContent(
        screen="confirm",
        language=language,
        heading=t(f"confirm.{kind}.question"),
        subject=kind,
        choices=(
            Choice("confirm-yes", t(f"confirm.{kind}.yes")),
            Choice("confirm-no", t("confirm.no")),
        ),
    )
