"""The commands that look after a kiosk rather than serve a visitor: setting staff PINs,
the health check, the texts for translators, the voice."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from kiosk.places import JOURNAL_FILE
from kiosk.settings import ASSETS, Settings


def set_pin(settings: Settings, staff: str | None) -> int:
    """Ask for the PIN twice (from the terminal, or two lines of standard input) and set
    it; any PIN set lifts the lock after too many wrong PINs."""
    import getpass

    from kiosk.logic.pin_policy import ATTENDANT
    from kiosk.storage.pin import PinError, PinStore

    name = staff or ATTENDANT
    if sys.stdin.isatty():
        first = getpass.getpass(f"New PIN for {name} (at least 6 digits): ")
        second = getpass.getpass("The same PIN again: ")
    else:
        first, second = sys.stdin.readline().strip(), sys.stdin.readline().strip()
    if not first:
        print("kiosk: no PIN was given; nothing was changed", file=sys.stderr)
        return 1
    if not second:
        print("kiosk: the PIN was given once, not twice; nothing was changed", file=sys.stderr)
        return 1
    if first != second:
        print("kiosk: the two PINs differ; nothing was changed", file=sys.stderr)
        return 1
    try:
        done = PinStore(settings.data_folder).set_pin(first, name)
    except PinError as error:
        print(f"kiosk: {error}; nothing was changed", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"kiosk: the staff file cannot be written: {error}", file=sys.stderr)
        return 1
    if done.moved_aside is not None:
        print(
            f"kiosk: the staff file was damaged: moved aside to {done.moved_aside.name};"
            " a new one is started and other staff members must set their PINs again"
        )
    action = "PIN set" + (" (staff mode unlocked)" if done.unlocked else "")
    audit(settings, action, done.staff)
    print(f"kiosk: the PIN of {done.staff} is set (a salted scrypt hash in {settings.data_folder})")
    if done.unlocked:
        print("kiosk: staff mode, locked after too many wrong PINs, is open again")
    return 0


def audit(settings: Settings, action: str, staff: str) -> None:
    """Write a staff action in the journal's audit log (a journal that cannot be written is
    said, and changes nothing of what was done)."""
    import sqlite3

    from kiosk.storage.journal import Journal

    try:
        journal = Journal(settings.data_folder / JOURNAL_FILE)
        try:
            journal.audit(action, datetime.now(), staff=staff)
        finally:
            journal.close()
    except (sqlite3.Error, OSError) as error:
        print(f"kiosk: not written in the audit log ({error})", file=sys.stderr)


def doctor(settings_path: Path | None) -> int:
    """kiosk doctor: one line per check; 1 when any fails."""
    from kiosk.doctor import report, run_checks

    checks = run_checks(settings_path)
    for line in report(checks):
        print(line)
    return 0 if all(check.ok for check in checks) else 1


def texts(command: str, folder: Path | None, po_folder: Path | None) -> int:
    """kiosk texts check|export|import on `folder` (default: the shipped texts); export
    and import write to and read from `po_folder`."""
    from kiosk.translations import TranslationError, export, import_po, missing

    folder = folder or ASSETS / "i18n"
    if command == "export" and po_folder is not None:  # the parser asks for the folder
        for written in export(folder, po_folder):
            print(f"kiosk: wrote {written}")
        return 0
    if command == "import" and po_folder is not None:
        try:
            changed = import_po(folder, po_folder)
        except TranslationError as error:
            print(f"kiosk: {error}; nothing was changed", file=sys.stderr)
            return 1
        print(f"kiosk: {changed} texts changed in {folder}")
    problems = list(missing(folder))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"kiosk: every text in {folder} has kk, ru and en with the same placeholders")
    return 0


def say(text: str, language: str, out: Path) -> int:
    """Say `text` (its numbers and amounts in words) into a WAV file."""
    from kiosk.logic.spoken import words
    from kiosk.speech.voice import Voice, VoiceError

    try:
        seconds = Voice().write_wav(words(text, language), language, out)  # type: ignore[arg-type]
    except VoiceError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"kiosk: cannot write {out}: {error}", file=sys.stderr)
        return 1
    print(f"kiosk: {seconds:.1f} s of speech in {out}")
    return 0
