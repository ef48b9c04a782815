"""The `kiosk` command and its sub-commands (names and options are a contract)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from kiosk import BAD_ARGUMENTS as BAD_ARGUMENTS
from kiosk import FOLDER_IN_USE as FOLDER_IN_USE
from kiosk import kiosk_version as kiosk_version
from kiosk.logic.centre_class import CENTRE_CLASSES
from kiosk.logic.language import LANGUAGES

if TYPE_CHECKING:
    from kiosk.settings import Settings
    from kiosk.ui.first_screen import Origin, Shown


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(BAD_ARGUMENTS, f"{self.prog}: error: {message}\n")


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


def build_parser(commands: bool = True) -> Parser:
    """The command line as DESIGN.md gives it (without its sub-commands unless `commands`:
    the kiosk itself starts without building them)."""
    parser = Parser(prog="kiosk", description="Public service centre kiosk.")
    parser.add_argument("--settings", type=Path, metavar="FILE", help="settings TOML file")
    parser.add_argument("--lang", choices=LANGUAGES, help="language to start in")
    parser.add_argument("--windowed", action="store_true", help="run in a window")
    parser.add_argument("--attendant", action="store_true", help="staff desk: PIN first")
    parser.add_argument("--smoke", action="store_true", help="start, check, exit")
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    _add_commands(parser)
    return parser


def _add_commands(parser: Parser) -> None:
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

    fleet = commands.add_parser("fleet", help="the central fleet database (head office)")
    fleet.add_argument("--url", metavar="URL", help="PostgreSQL URL (default: fleet.url)")
    fleet_commands = fleet.add_subparsers(dest="fleet_command", parser_class=Parser)
    init = fleet_commands.add_parser("init", help="create or update the central schema")
    enrol = fleet_commands.add_parser("enrol", help="give a kiosk its role; prints its URL")
    enrol.add_argument("kiosk_id", metavar="KIOSK_ID")
    enrol.add_argument("--centre", required=True, metavar="CENTRE")
    publish = fleet_commands.add_parser("publish", help="check and publish a catalogue")
    publish.add_argument("folder", type=Path, metavar="DIR")
    publish.add_argument("--centres", nargs="+", default=[], metavar="CENTRE")
    status = fleet_commands.add_parser("status", help="every kiosk, problems first")
    status.add_argument("--json", action="store_true", help="as JSON")
    serve = fleet_commands.add_parser("serve", help="head office's page")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    for command in (init, enrol, publish, status, serve):  # --url after the sub-command too
        command.add_argument("--url", metavar="URL", default=argparse.SUPPRESS)


KIOSK_FLAGS = frozenset({"--windowed", "--attendant", "--smoke"})
KIOSK_VALUES = ("--settings", "--lang")


def _starts_the_kiosk(argv: Sequence[str]) -> bool:
    """Whether `argv` holds only the kiosk's own options (no sub-command, no help)."""
    value_next = False
    for argument in argv:
        if value_next:
            value_next = False
        elif argument in KIOSK_VALUES:
            value_next = True
        elif argument not in KIOSK_FLAGS and not argument.startswith(
            tuple(f"{option}=" for option in KIOSK_VALUES)
        ):
            return False
    return not value_next


def main(argv: Sequence[str] | None = None) -> int:
    """Run the kiosk command; returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(commands=not _starts_the_kiosk(arguments))
    args = parser.parse_args(arguments)
    if args.command in ("doctor", "say", "texts"):
        return _upkeep(parser, args)
    if args.command == "fleet":
        from kiosk.fleet_commands import fleet

        if args.fleet_command is None:
            parser.error("fleet needs a sub-command: init, enrol, publish, status or serve")
        return fleet(args)
    if args.command == "install-service":
        from kiosk.deploy import install

        return install(args.session, yes=args.yes, root=args.root)
    first, origin = None, None
    if args.command is None:  # the kiosk: its first screen at once, when it is kept
        from kiosk.ui.first_screen import Origin, show_kept

        origin = Origin.of(args.settings, args.lang)
        if not args.attendant:  # a staff desk starts on the PIN pad, never a visitor's screen
            first = show_kept(origin, args.settings, smoke=args.smoke, windowed=_windowed(args))
        if first is not None and args.smoke:
            return first.smoke()
    from kiosk.settings import SettingsError, load_settings

    try:
        settings = load_settings(args.settings)
    except SettingsError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        if first is not None:  # the settings changed after all: the next start is a full one
            from kiosk.ui.first_screen import forget_first_screen

            first.drop()
            forget_first_screen(first.folder)
        if args.command is None and not args.smoke:
            _out_of_order(str(error), windowed=_windowed(args))
        return 1
    if args.command is None:
        return _run(args, settings, first, origin)
    from kiosk import commands

    if args.command == "quote":
        return commands.quote(args, settings)
    if args.command == "slip":
        return commands.slip(args, settings)
    if args.command == "set-pin":
        from kiosk.upkeep import set_pin

        return set_pin(settings, args.staff)
    if args.command == "screenshots":
        return commands.screenshots(args, settings)
    if args.catalogue_command != "check":
        parser.error("catalogue needs a sub-command: check")
    return commands.check(args.folder or settings.catalogue)


def _upkeep(parser: Parser, args: argparse.Namespace) -> int:
    from kiosk import upkeep

    if args.command == "doctor":  # it reports bad settings as one of its checks
        return upkeep.doctor(args.settings)
    if args.command == "say":
        return upkeep.say(args.text, args.say_lang, args.out)
    if args.texts_command is None:
        parser.error("texts needs a sub-command: check, export or import")
    path = getattr(args, "out", None) or getattr(args, "source", None)
    return upkeep.texts(args.texts_command, args.folder, path)


def _windowed(args: argparse.Namespace) -> bool:
    return bool(args.windowed or args.attendant)


def _run(
    args: argparse.Namespace, settings: Settings, first: Shown | None, origin: Origin | None
) -> int:
    """The touchscreen kiosk (full screen unless --windowed), or --smoke."""
    from kiosk.logic.catalogue import CatalogueError
    from kiosk.logic.money import MoneyError
    from kiosk.settings import SettingsError
    from kiosk.start import StartupError, run
    from kiosk.storage.folder_lock import FolderInUse

    if args.lang:
        settings = settings.model_copy(update={"default_language": args.lang})
    try:
        return run(
            settings,
            windowed=_windowed(args),
            smoke=args.smoke,
            attendant=args.attendant,
            first=first,
            origin=origin,
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
    from kiosk.ui.cannot_start import show_cannot_start
    from kiosk.ui.first_screen import has_display

    if has_display():
        show_cannot_start(reason, windowed=windowed)
