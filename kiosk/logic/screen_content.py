"""Each visitor screen's content, built from the Quote (or the interview) and the kiosk's
texts. The only place that decides what a screen says; the Qt screens paint the result."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from kiosk.logic.catalogue import Catalogue, Service
from kiosk.logic.conditions import CentreClass
from kiosk.logic.content import Choice, Fact, ScreenContent
from kiosk.logic.i18n import (
    LANGUAGES,
    Language,
    LocalText,
    Strings,
)
from kiosk.logic.interview import Interview, progress
from kiosk.logic.pricing import Pricing
from kiosk.logic.quote import Quote
from kiosk.logic.texts import Texts

log = logging.getLogger(__name__)


def welcome(
    strings: Strings,
    language: Language,
    languages: Iterable[str],
    *,
    large_text: bool = False,
    high_contrast: bool = False,
    audio: bool = False,
) -> ScreenContent:
    """Welcome: Start, the languages this kiosk offers, the accessibility toggles (Listen,
    large text, high contrast)."""
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
        Choice("audio-mode", t("audio-mode.button"), selected=audio),
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
    strings: Strings,
    centre_name: LocalText,
    language: Language,
    languages: Iterable[str],
    staff_called: bool = False,
) -> ScreenContent:
    """The window's header: the centre's logo and name, Call staff (or that staff were
    called), and the language switch (each language in its own words, the one in use
    selected; none when the kiosk offers one language)."""
    offered = [code for code in LANGUAGES if code in languages]
    call = "call-staff.called" if staff_called else "call-staff.button"
    return ScreenContent(
        screen="header",
        language=language,
        heading=centre_name.get(language),
        facts=(Fact("logo", strings.text("logo", language)),),
        choices=(
            Choice("call-staff", strings.text(call, language), selected=staff_called),
            *(
                Choice(
                    f"lang-{code}",
                    strings.text(f"language.{code}", code),
                    strings.text(f"language.{code}.short", code),  # where room is short
                    selected=code == language,
                )
                for code in (offered if len(offered) > 1 else ())
            ),
        ),
    )
