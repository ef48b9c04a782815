"""The `kiosk` command and its sub-commands (names and options are a contract)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn

from kiosk import upkeep
from kiosk.logic.catalogue import CatalogueError, UnknownService, load_catalogue
from kiosk.logic.check import check_folder
from kiosk.logic.conditions import CENTRE_CLASSES
from kiosk.logic.i18n import LANGUAGES
from kiosk.logic.interview import AnswerError
from kiosk.logic.money import MoneyError
from kiosk.logic.pricing import Case, Pricing
from kiosk.logic.quote import Quote
from kiosk.settings import Settings, SettingsError, load_settings

BAD_ARGUMENTS = 2
FOLDER_IN_USE = 3


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(BAD_ARGUMENTS, f"{self.prog}: error: {message}\n")


def kiosk_version() -> str:
    """The installed kiosk's version (from its package metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kiosk")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"


class _Version(argparse.Action):
    """--version: the package metadata is read only when asked, not on every start."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"kiosk {kiosk_version()}")  # on stdout, as argparse's own action does
        parser.exit(0)


def _answer(text: str) -> tuple[str, str]:
    question, sep, option = text.partition("=")
    if not sep or not question or not option:
        raise argparse.ArgumentTypeError(f"{text!r} is not QUESTION=OPTION")
    return question.strip(), option.strip()


def _staff_name(text: str) -> str:
    from kiosk.logic.pin_policy import name_problem, staff_name

    problem = name_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return staff_name(text)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def build_parser() -> Parser:
    """The command line as DESIGN.md gives it."""
    parser = Parser(prog="kiosk", description="Public service centre kiosk.")
    parser.add_argument("--settings", type=Path, metavar="FILE", help="settings TOML file")
    parser.add_argument("--lang", choices=LANGUAGES, help="language to start in")
    parser.add_argument("--windowed", action="store_true", help="run in a window")
    parser.add_argument("--attendant", action="store_true", help="staff desk: PIN first")
    parser.add_argument("--smoke", action="store_true", help="start, check, exit")
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version")
    commands = parser.add_subparsers(dest="command", parser_class=Parser)

    quote = commands.add_parser("quote", help="print the quote for some answers as JSON")
    quote.add_argument("service")
    quote.add_argument(
        "--answer", type=_answer, action="append", default=[], metavar="QUESTION=OPTION"
    )
    quote.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="visit date")
    quote.add_argument("--lang", dest="quote_lang", choices=LANGUAGES)
    quote.add_argument("--centre-class", choices=CENTRE_CLASSES)

    slip = commands.add_parser("slip", help="render a slip without a screen")
    slip.add_argument("service")
    slip.add_argument(
        "--answer", type=_answer, action="append", default=[], metavar="QUESTION=OPTION"
    )
    slip.add_argument("--out", type=Path, required=True, metavar="FILE", help="- for stdout")
    slip.add_argument("--format", choices=("pdf", "text", "escpos"), default="pdf")
    slip.add_argument("--paper", choices=("80mm", "a4"), help="default: the printer setting")
    slip.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="visit date")
    slip.add_argument("--lang", dest="quote_lang", choices=LANGUAGES)
    slip.add_argument("--centre-class", choices=CENTRE_CLASSES)

    commands.add_parser("doctor", help="read-only health check, one line per check")

    say = commands.add_parser("say", help="write what the kiosk's voice would say as a WAV")
    say.add_argument("text", metavar="TEXT")
    say.add_argument("--lang", dest="say_lang", choices=LANGUAGES, required=True)
    say.add_argument("--out", type=Path, required=True, metavar="FILE.wav")

    service = commands.add_parser("install-service", help="install the systemd unit and session")
    service.add_argument("--yes", action="store_true", help="do it (as root), not just say it")
    service.add_argument("--session", choices=("cage", "x11"), default="cage")
    service.add_argument("--root", type=Path, metavar="DIR", help="write the files under DIR")

    texts = commands.add_parser("texts", help="the kiosk's texts as PO files for translators")
    texts.add_argument("--folder", type=Path, metavar="DIR", help="default: the shipped texts")
    text_commands = texts.add_subparsers(dest="texts_command", parser_class=Parser)
    text_commands.add_parser("check", help="say which text misses a language")
    exporting = text_commands.add_parser("export", help="write kiosk.pot, kk.po and ru.po")
    exporting.add_argument("out", type=Path, metavar="DIR")
    importing = text_commands.add_parser("import", help="read kk.po and ru.po back")
    importing.add_argument("source", type=Path, metavar="DIR")

    set_pin = commands.add_parser(
        "set-pin", help="set the attendant PIN, or a staff member's (asked twice)"
    )
    set_pin.add_argument("--staff", type=_staff_name, metavar="NAME", help="a staff member")

    shots = commands.add_parser("screenshots", help="render every screen to PNG files")
    shots.add_argument("folder", type=Path, metavar="DIR")
    shots.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the date shown")

    catalogue = commands.add_parser("catalogue", help="catalogue tools")
    catalogue_commands = catalogue.add_subparsers(dest="catalogue_command", parser_class=Parser)
    check = catalogue_commands.add_parser("check", help="validate and walk every answer path")
    check.add_argument("folder", nargs="?", type=Path, metavar="DIR")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the kiosk command; returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "doctor":  # it reports bad settings as one of its checks
        return upkeep.doctor(args.settings)
    if args.command == "say":
        return upkeep.say(args.text, args.say_lang, args.out)
    if args.command == "install-service":
        from kiosk.deploy import install

        return install(args.session, yes=args.yes, root=args.root)
    if args.command == "texts":
        if args.texts_command is None:
            parser.error("texts needs a sub-command: check, export or import")
        path = getattr(args, "out", None) or getattr(args, "source", None)
        return upkeep.texts(args.texts_command, args.folder, path)
    try:
        settings = load_settings(args.settings)
    except SettingsError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        if args.command is None and not args.smoke:
            _out_of_order(str(error), windowed=args.windowed or args.attendant)
        return 1
    if args.command == "quote":
        return _quote(args, settings)
    if args.command == "slip":
        return _slip(args, settings)
    if args.command == "set-pin":
        return upkeep.set_pin(settings, args.staff)
    if args.command == "screenshots":
        return _screenshots(args, settings)
    if args.command == "catalogue":
        if args.catalogue_command != "check":
            parser.error("catalogue needs a sub-command: check")
        return _check(args.folder or settings.catalogue)
    return _run(args, settings)


def _make_quote(args: argparse.Namespace, settings: Settings) -> tuple[Pricing, Quote] | int:
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


def _quote(args: argparse.Namespace, settings: Settings) -> int:
    made = _make_quote(args, settings)
    if isinstance(made, int):
        return made
    print(json.dumps(made[1].to_json(), ensure_ascii=False, indent=2))
    return 0


def _slip(args: argparse.Namespace, settings: Settings) -> int:
    """Render a slip to a file: PDF, plain text or ESC/POS bytes."""
    made = _make_quote(args, settings)
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


def _check(folder: Path) -> int:
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


def _run(args: argparse.Namespace, settings: Settings) -> int:
    """The touchscreen kiosk (full screen unless --windowed), or --smoke."""
    from kiosk.app import StartupError, run
    from kiosk.storage.folder_lock import FolderInUse

    if args.lang:
        settings = settings.model_copy(update={"default_language": args.lang})
    try:
        return run(
            settings,
            windowed=args.windowed or args.attendant,
            smoke=args.smoke,
            attendant=args.attendant,
        )
    except CatalogueError as error:
        print(f"kiosk: {error.summary()}", file=sys.stderr)
        return 1
    except (SettingsError, MoneyError, StartupError) as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 1
    except FolderInUse as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return FOLDER_IN_USE


def _out_of_order(reason: str, *, windowed: bool) -> None:
    """A kiosk whose settings are wrong still takes its screen, to say it is out of order
    (with the reason for staff) rather than leave the desktop behind it."""
    from kiosk.app import has_display
    from kiosk.ui.cannot_start import show_cannot_start

    if has_display():
        show_cannot_start(reason, windowed=windowed)


def _screenshots(args: argparse.Namespace, settings: Settings) -> int:
    from kiosk.screenshots import take

    try:
        written = take(args.folder, settings=settings, today=args.date)
    except (CatalogueError, SettingsError) as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 1
    print(f"kiosk: {len(written)} screenshots in {args.folder}")
    return 0
