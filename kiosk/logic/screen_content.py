"""Each visitor screen's content, built from the Quote (or the interview) and the kiosk's
texts. The only place that decides what a screen says; the Qt screens paint the result."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from decimal import Decimal

from kiosk.logic.catalogue import Catalogue, Online, Service
from kiosk.logic.conditions import CentreClass
from kiosk.logic.content import Choice, Fact, Line, Message, QrItem, ScreenContent
from kiosk.logic.i18n import (
    LANGUAGES,
    Language,
    LocalText,
    Strings,
    format_date,
    format_money,
    format_number,
)
from kiosk.logic.interview import Interview, progress
from kiosk.logic.pricing import Pricing
from kiosk.logic.quote import Item, Quote

log = logging.getLogger(__name__)


class Texts:
    """The kiosk's texts in one language."""

    def __init__(self, strings: Strings, language: Language) -> None:
        self.strings, self.language = strings, language

    def __call__(self, key: str, **values: str) -> str:
        return self.strings.text(key, self.language, **values)

    def money(self, amount: Decimal) -> str:
        """An amount of tenge as this language writes it."""
        return format_money(amount, self.language)

    def nav(self, *, back: bool = True, home: bool = True, next_key: str = "") -> list[Choice]:
        """The footer's navigation: Back, Start over, Continue (when `next_key` is given)."""
        actions = []
        if back:
            actions.append(Choice("nav-back", self("nav.back")))
        if home:
            actions.append(Choice("nav-home", self("nav.home")))
        if next_key:
            actions.append(Choice("nav-next", self(next_key)))
        return actions


def welcome(
    strings: Strings,
    language: Language,
    languages: Iterable[str],
    *,
    large_text: bool = False,
    high_contrast: bool = False,
) -> ScreenContent:
    """Welcome: Start, the languages this kiosk offers, the accessibility toggles."""
    t = Texts(strings, language)
    offered = [code for code in LANGUAGES if code in languages]
    choices = [Choice("start", t("welcome.start"))]
    if len(offered) > 1:
        choices += [
            Choice(
                f"lang-{code}", strings.text(f"language.{code}", code), selected=code == language
            )
            for code in offered
        ]
    choices += [
        Choice("a11y-large-text", t("a11y.large-text"), selected=large_text),
        Choice("a11y-high-contrast", t("a11y.high-contrast"), selected=high_contrast),
    ]
    return ScreenContent(
        screen="welcome",
        language=language,
        heading=t("welcome.title"),
        text=t("welcome.subtitle"),
        choices=tuple(choices),
        facts=(
            Fact("choose-language", t("welcome.language")),
            Fact("privacy", t("welcome.privacy")),
        ),
    )


def services(catalogue: Catalogue, strings: Strings, language: Language) -> ScreenContent:
    """The service list, in catalogue order."""
    t = Texts(strings, language)
    return ScreenContent(
        screen="services",
        language=language,
        heading=t("services.title"),
        choices=tuple(
            Choice(
                f"service-{service.id}",
                service.title.get(language),
                service.summary.get(language),
                value=service.id,
            )
            for service in catalogue.services.values()
        ),
        actions=tuple(t.nav(home=False)),
    )


def question(
    pricing: Pricing,
    interview: Interview,
    question_id: str,
    *,
    visit_date: dt.date,
    changing: bool,
    strings: Strings,
    language: Language,
) -> ScreenContent:
    """One question with its options at this centre (an option's fee, when it has one, as
    priced on the visit date); the answer given is selected."""
    t = Texts(strings, language)
    service, answers = interview.service, interview.answers
    asked = service.question(question_id)
    assert asked is not None, question_id
    centre_class: CentreClass = interview.centre_class  # type: ignore[assignment]
    fees = pricing.option_fees(service.id, asked.id, visit_date, centre_class)
    choices = []
    for option in asked.options_for(interview.centre_class):
        details = [option.help.get(language)] if option.help else []
        if option.id in fees:
            details.append(t("option.fee", amount=t.money(fees[option.id])))
        choices.append(
            Choice(
                f"option-{asked.id}-{option.id}",
                option.label.get(language),
                " · ".join(details),
                selected=answers.get(asked.id) == option.id,
                value=option.id,
            )
        )
    index, total = progress(service, answers, interview.centre_class, asked.id)
    progress_text = (
        t("question.progress-open", index=str(index))
        if total is None
        else t("question.progress", index=str(index), total=str(total))
    )
    answered = asked.id in answers and not changing
    return ScreenContent(
        screen="question",
        language=language,
        heading=asked.text.get(language),
        subject=asked.id,
        text=asked.help.get(language) if asked.help else "",
        choices=tuple(choices),
        actions=tuple(t.nav(next_key="nav.next" if answered else "")),
        progress=progress_text,
    )


def review(
    service: Service, answers: dict[str, str], strings: Strings, language: Language
) -> ScreenContent:
    """Every answer given, in question order, each with Change."""
    t = Texts(strings, language)
    rows = []
    for asked in service.questions:
        if asked.id not in answers:
            continue
        option = asked.option(answers[asked.id])
        assert option is not None
        rows.append(
            Choice(
                f"change-{asked.id}",
                option.label.get(language),
                asked.text.get(language),
                value=asked.id,
            )
        )
    return ScreenContent(
        screen="review",
        language=language,
        heading=t("review.title"),
        choices=tuple(rows),
        facts=(Fact("review-change", t("review.change")),),
        actions=tuple(t.nav(next_key="review.confirm")),
    )


def documents(quote: Quote, have: set[str], strings: Strings) -> ScreenContent:
    """The documents to bring; those the visitor has are ticked, the rest say where to get
    them."""
    t = Texts(strings, quote.language)
    choices = []
    for document in quote.documents:
        has_it = document.id in have
        mark = t("documents.have" if has_it else "documents.missing")
        details = [document.note]
        if document.where and not has_it:
            details.append(t("documents.where", where=document.where))
        status = "have" if has_it else ("get" if document.where else "bring")
        choices.append(
            Choice(
                f"document-{document.id}",
                f"{document.title} — {mark}",
                "\n".join(details),
                selected=has_it,
                status=status,
                value=document.id,
            )
        )
    return ScreenContent(
        screen="documents",
        language=quote.language,
        heading=t("documents.title"),
        text=t("documents.hint"),
        choices=tuple(choices),
        actions=tuple(t.nav(next_key="nav.next")),
    )


def payment_codes(quote: Quote, strings: Strings) -> tuple[QrItem, ...]:
    """A QR item per payment of the quote, with what is said around it."""
    t = Texts(strings, quote.language)
    return tuple(
        QrItem(
            id=payment.payee,
            title=t("payment.to", payee=payment.payee_name),
            payload=payment.payload,
            amount=payment.amount,
            amount_text=t.money(payment.amount),
            captions=(t("payment.scan"), t("payment.kazpost")),
            demo=t("payment.demo") if payment.demo else "",
        )
        for payment in quote.payments
    )


def result(quote: Quote, online: Online | None, strings: Strings) -> ScreenContent:
    """A complete quote: the bill, a QR code per payee, when it will be ready, warnings and
    notes, and where the service can be done online."""
    language = quote.language
    t = Texts(strings, language)
    lines = []
    for line in quote.bill.lines:
        if line.mci is not None:
            shown = t(
                "result.mci-line",
                multiple=format_number(line.mci, language),
                mci=t.money(quote.mci.value),
                amount=t.money(line.amount),
            )
        else:
            shown = t.money(line.amount)
        lines.append(Line(line.id, line.label, line.amount, shown))
    facts = [
        Fact(
            "mci-year",
            t("result.mci-year", year=str(quote.mci.year), value=t.money(quote.mci.value)),
        )
    ]
    if quote.payments:
        facts.append(Fact("pay-title", t("result.pay-title")))
    elif quote.bill.total == 0:
        facts.append(Fact("nothing-to-pay", t("result.nothing-to-pay")))
    if quote.ready_by is not None:
        facts.append(
            Fact("ready-by", t("result.ready-by", date=format_date(quote.ready_by, language)))
        )
    facts.append(Fact("processing", t("result.processing", text=quote.processing)))
    if quote.warnings or quote.notes:
        facts.append(Fact("notes-title", t("result.notes")))
    codes = list(payment_codes(quote, strings))
    if online is not None:
        facts.append(Fact("online-title", t("result.online")))
        codes.append(QrItem(id="online", title=online.text.get(language), payload=online.url))
    return ScreenContent(
        screen="result",
        language=language,
        heading=t("result.title"),
        lines=tuple(lines),
        total=Line("bill-total", t("result.total"), quote.bill.total, t.money(quote.bill.total)),
        qr=tuple(codes),
        messages=_messages("warning", quote.warnings) + _messages("note", quote.notes),
        facts=tuple(facts),
        actions=(
            *t.nav(),
            Choice("finish", t("result.finish")),
            Choice("print-slip", t("result.print")),
        ),
    )


def result_unavailable(strings: Strings, language: Language) -> ScreenContent:
    """The cost cannot be worked out (no MCI for the year): said so, never a guessed amount."""
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
        messages=_messages("blocker", quote.blockers),
        actions=(*t.nav(), Choice("finish", t("result.finish"))),
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


def idle_warning(strings: Strings, language: Language, seconds: int) -> ScreenContent:
    """Are you still there? The countdown before the kiosk starts over, and More time."""
    t = Texts(strings, language)
    return ScreenContent(
        screen="idle-warning",
        language=language,
        heading=t("idle.title"),
        text=t("idle.text", seconds=str(seconds)),
        choices=(Choice("idle-more-time", t("idle.more-time")),),
    )


def header(
    strings: Strings, centre_name: LocalText, language: Language, languages: Iterable[str]
) -> ScreenContent:
    """The window's header: the centre's name and the language switch (each language in its
    own words, the one in use selected; none when the kiosk offers one language)."""
    offered = [code for code in LANGUAGES if code in languages]
    return ScreenContent(
        screen="header",
        language=language,
        heading=centre_name.get(language),
        choices=tuple(
            Choice(
                f"lang-{code}", strings.text(f"language.{code}", code), selected=code == language
            )
            for code in offered
        )
        if len(offered) > 1
        else (),
    )


def _messages(kind: str, items: tuple[Item, ...]) -> tuple[Message, ...]:
    return tuple(Message(f"{kind}-{item.id}", kind, item.text, item.title or "") for item in items)
