"""The sub-commands that work without a screen: quote, slip, catalogue check, screenshots."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

from kiosk import BAD_ARGUMENTS
from kiosk.logic.catalogue import CatalogueError, UnknownService, load_catalogue
from kiosk.logic.check import check_folder
from kiosk.logic.interview import AnswerError
from kiosk.logic.money import MoneyError
from kiosk.logic.pricing import Case, Pricing
from kiosk.logic.quote import Quote
from kiosk.settings import Settings, SettingsError


def make_quote(args: argparse.Namespace, settings: Settings) -> tuple[Pricing, Quote] | int:
    """The quote the arguments ask for, or an exit code after saying what is wrong."""
    answers: dict[str, str] = {}
    for question, option in args.answer:
        if question in answers:
            return _bad(f"question {question!r} is answered twice")
        answers[question] = option
    visit_date = args.date or date.today()
    case = Case(
        service=args.service,
        answers=answers,
        visit_date=visit_date,
        centre_class=args.centre_class or settings.centre.centre_class,
        language=args.quote_lang or args.lang or settings.default_language,
        reference=quote_reference(settings.kiosk_id, visit_date),
    )
    from kiosk.logic.i18n import Strings
    from kiosk.settings import ASSETS

    try:
        catalogue = load_catalogue(settings.catalogue)
        settings.check_payees(catalogue.payees())
        # The kiosk's texts: a year with no MCI published is said so, in the language.
        pricing = Pricing(catalogue, settings.payments, Strings.load(ASSETS / "i18n"))
        quote = pricing.quote(case)
    except (UnknownService, AnswerError) as error:
        return _bad(str(error))
    except (CatalogueError, MoneyError, SettingsError) as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 1
    return pricing, quote


def quote(args: argparse.Namespace, settings: Settings) -> int:
    made = make_quote(args, settings)
    if isinstance(made, int):
        return made
    print(json.dumps(made[1].to_json(), ensure_ascii=False, indent=2))
    return 0


def slip(args: argparse.Namespace, settings: Settings) -> int:
    """Render a slip to a file: PDF, plain text or ESC/POS bytes."""
    made = make_quote(args, settings)
    if isinstance(made, int):
        return made
    pricing, quote = made
    if not quote.complete and not quote.blocked:
        return _bad("the answers are not complete: a slip needs a complete or blocked quote")
    assert pricing.strings is not None
    visit = datetime.combine(quote.date, datetime.now().time().replace(microsecond=0))
    slip = pricing.slip(
        quote,
        pricing.strings,
        centre_name=settings.centre.name,
        kiosk_id=settings.kiosk_id,
        printed_at=visit,
        reference=quote_reference(settings.kiosk_id, quote.date),
        have={document.id for document in quote.documents if document.held},
    )
    if args.format == "text":
        if str(args.out) == "-":
            sys.stdout.write(slip.text())
        else:
            args.out.write_text(slip.text(), encoding="utf-8")
        return 0
    from kiosk.printing.render import render_file

    try:
        render_file(slip, args.out, args.format, args.paper or settings.printer.paper, settings)
    except OSError as error:
        print(f"kiosk: cannot write {args.out}: {error}", file=sys.stderr)
        return 1
    return 0


def quote_reference(kiosk_id: str, day: date) -> str:
    """The bill number of payments printed by `kiosk quote`: no visitor session, number 0."""
    return f"{kiosk_id}-{day:%Y%m%d}-0000"


def _bad(message: str) -> int:
    print(f"kiosk: error: {message}", file=sys.stderr)
    return BAD_ARGUMENTS


def check(folder: Path) -> int:
    report = check_folder(folder, today=date.today())
    if not report.ok:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        count = len(report.problems)
        print(f"catalogue {folder}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}")
    print(f"catalogue {folder}: OK — {report.summary()}")
    return 0


def screenshots(args: argparse.Namespace, settings: Settings) -> int:
    from kiosk.screenshots import take

    try:
        written = take(args.folder, settings=settings, today=args.date)
    except (CatalogueError, SettingsError) as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 1
    print(f"kiosk: {len(written)} screenshots in {args.folder}")
    return 0
