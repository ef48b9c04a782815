"""Privacy by retention: a hundred visitors later, once the slips' retention has ended, no
file in the data folder (journal and its WAL, log, slips, anything) holds a word any of them
chose: not one option's label, in any language."""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QTimer

from kiosk.logic.catalogue import load_catalogue
from kiosk.settings import Privacy, Settings
from kiosk.testing import ID_CARD_STOLEN, KioskDriver
from kiosk.ui.logs import setup_logging
from tests.logic.helpers import ID_LOST_FIRST_STANDARD

TODAY = date(2026, 11, 23)
JOURNEYS = 100
LANGUAGES = ("kk", "ru", "en")
# Answers that reach "Check your answers", and answers that end on a blocker.
COMPLETE = {
    "id-card-restoration": [
        ID_LOST_FIRST_STANDARD,
        ID_CARD_STOLEN,
        {
            "circumstance": "lost",
            "losses-this-year": "2",
            "duty-exemption": "yes",
            "foreign-passport": "yes",
            "days-without-id": "10-to-30-days",
            "urgency": "3-days",
        },
        {
            "circumstance": "lost",
            "losses-this-year": "1",
            "duty-exemption": "no",
            "foreign-passport": "no",
            "days-without-id": "over-30-days",
            "urgency": "standard",
        },
        {
            "circumstance": "stolen",
            "police-talon": "yes",
            "losses-this-year": "2",
            "duty-exemption": "yes",
            "foreign-passport": "no",
            "days-without-id": "under-10-days",
            "urgency": "3-days",
        },
    ],
    "driving-licence-replacement": [
        {
            "reason": "expired",
            "medical-exam": "yes",
            "unpaid-fines": "dont-know",
            "recent-photo-document": "no",
            "duty-paid-before": "no",
        },
        {
            "reason": "early",
            "unpaid-fines": "no",
            "recent-photo-document": "yes",
            "duty-paid-before": "yes",
        },
        {
            "reason": "lost",
            "unpaid-fines": "dont-know",
            "recent-photo-document": "no",
            "duty-paid-before": "no",
        },
        {"reason": "stolen", "unpaid-fines": "no", "recent-photo-document": "yes"},
        {"reason": "name-change", "unpaid-fines": "no", "recent-photo-document": "no"},
    ],
}
BLOCKED = {
    "id-card-restoration": {"circumstance": "stolen", "police-talon": "no"},
    "driving-licence-replacement": {"reason": "expired", "medical-exam": "no"},
}


def option_labels(settings: Settings) -> set[str]:
    """Every option's label in the catalogue, in every language."""
    catalogue = load_catalogue(settings.catalogue)
    return {
        option.label.get(language)
        for service in catalogue.services.values()
        for question in service.questions
        for option in question.options
        for language in LANGUAGES
    }


def words(text: str) -> str:
    """Runs of white space as one space (a slip may wrap a label over two lines)."""
    return re.sub(r"\s+", " ", text)


def matcher(labels: Iterable[str], *, whole: bool) -> re.Pattern[str]:
    """Any of `labels`, as whole words or anywhere (where one label holds another, the
    longer matches)."""
    by_length = sorted({words(label) for label in labels}, key=len, reverse=True)
    alternatives = f"(?:{'|'.join(re.escape(label) for label in by_length)})"
    return re.compile(rf"(?<!\w){alternatives}(?!\w)" if whole else alternatives)


def texts(path: Path, data: bytes) -> list[str]:
    """The texts a file holds for a reader: the whole of a text file, every value of every
    row of an SQLite database (with what its WAL holds), a PDF's text as a reader shows it."""
    if data.startswith(b"SQLite format 3\x00"):
        with tempfile.TemporaryDirectory() as folder:  # a copy: the kiosk's file untouched
            copy = Path(folder) / "copy.sqlite3"
            copy.write_bytes(data)
            wal = path.with_name(f"{path.name}-wal")
            if wal.exists():
                shutil.copy(wal, f"{copy}-wal")
            database = sqlite3.connect(copy)
            dump = "\n".join(database.iterdump())
            database.close()
        return [dump]
    if data.startswith(b"%PDF-"):
        document = pdfium.PdfDocument(data)
        text = "\n".join(page.get_textpage().get_text_range() for page in document)
        document.close()
        return [text]
    if b"\x00" not in data:
        with contextlib.suppress(UnicodeDecodeError):
            return [data.decode("utf-8")]
    return []


def found(folder: Path, labels: Iterable[str]) -> dict[str, set[str]]:
    """The labels each file under `folder` holds, as whole words, by file name.

    Every file's bytes are searched as they are for every label of four letters or more,
    anywhere (in a database one value's bytes run on into the next's); the texts a reader
    gets out of it (`texts`) for every label as a whole word, the shortest too. Short words
    ("No", "Да") are not looked for in raw binary data: there two letters turn up by chance
    (each frame of the journal's WAL starts with random checksum bytes)."""
    labels = set(labels)
    every = matcher(labels, whole=True)
    long = matcher((label for label in labels if len(label) >= 4), whole=False)
    held: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            hits = {hit.group() for hit in long.finditer(words(data.decode("utf-8", "replace")))}
            for text in texts(path, data):
                hits |= {hit.group() for hit in every.finditer(words(text))}
            if hits:
                held[str(path.relative_to(folder))] = hits
    return held


def plant(folder: Path) -> dict[str, set[str]]:
    """Leaks the scan must find, one of each kind of file: a text file, an SQLite database,
    a binary file; returns what was planted where."""
    (folder / "planted").mkdir()
    (folder / "planted" / "notes.txt").write_text("answer: Нет\n", encoding="utf-8")
    database = sqlite3.connect(folder / "planted" / "copy.sqlite3")
    database.execute("CREATE TABLE answers (label TEXT)")
    database.executemany("INSERT INTO answers VALUES (?)", [("Yes",), ("Впервые",)])
    database.commit()
    database.close()
    noise = bytes(range(256)) * 64
    (folder / "planted" / "frames.bin").write_bytes(noise + "Украдено".encode() + noise)
    return {
        "planted/notes.txt": {"Нет"},
        "planted/copy.sqlite3": {"Yes", "Впервые"},
        "planted/frames.bin": {"Украдено"},
    }


def journey(driver: KioskDriver, number: int) -> str:
    """One visitor: a service, a language (switched on the way for some), answers, then a
    printed slip, a blocker (its slip printed for some) or a walk away mid-way. Returns how
    it ended."""
    language = LANGUAGES[number % 3]
    service = list(COMPLETE)[number % 2]
    kind = ("printed", "printed", "blocked", "printed", "abandoned")[number % 5]
    answers = BLOCKED[service] if kind == "blocked" else COMPLETE[service][number // 2 % 5]
    driver.language(language)
    driver.choose_service(service)
    if number % 7 == 0:  # changes language half-way
        first = next(iter(answers))
        driver.answer(first, answers[first])
        driver.language(LANGUAGES[(number + 1) % 3])
    if kind == "abandoned":
        first = next(iter(answers))
        if driver.question == first:
            driver.answer(first, answers[first])
        if number % 2:
            driver.walk_away()
        else:
            driver.click("nav-home")
            driver.confirm()
        return kind
    driver.answer_all(answers)
    if kind == "blocked":
        assert driver.screen == "screen-blocker", (number, driver.screen)
        if number % 4 == 2:
            assert driver.print_slip() == "printed"
        leave(driver)
        return kind
    assert driver.screen == "screen-review", (number, driver.screen)
    driver.next()
    driver.next()
    assert driver.screen == "screen-result", (number, driver.screen)
    assert driver.print_slip() == "printed"
    leave(driver)
    return kind


def leave(driver: KioskDriver) -> None:
    """Finish (or go home) and say yes to what is asked, back to the welcome screen."""
    for _ in range(3):
        if driver.state == "welcome":
            return
        driver.click("finish" if driver.visible("finish") else "nav-home")
        driver.confirm()
    assert driver.state == "welcome", driver.screen


def test_a_hundred_visitors_leave_no_answer_behind(qtbot, tmp_path) -> None:
    folder = tmp_path / "data"
    # Slips are kept a second: long enough to see them, and what they hold, on the disk.
    settings = Settings(data_folder=folder, privacy=Privacy(slip_retention_hours=1 / 3600))
    labels = option_labels(settings)
    assert len(labels) > 60 and {"Жоғалды", "Потеряно", "I lost it", "Нет", "No"} <= labels
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    setup_logging(folder, stderr=False)  # the kiosk's own log goes into the scan too
    try:
        driver = KioskDriver.start(qtbot, settings=settings, today=TODAY)
        began = time.monotonic()
        ends = [journey(driver, number) for number in range(JOURNEYS)]
        elapsed = time.monotonic() - began
    finally:
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    print(f"{JOURNEYS} journeys through the screens in {elapsed:.1f} s")
    assert [ends.count(end) for end in ("printed", "blocked", "abandoned")] == [60, 20, 20]
    journal = driver.journal  # every event written
    outcomes = journal.count_sessions(date.today().isoformat(), "outcome")
    assert outcomes == {"completed": 60, "blocked": 20, "abandoned": 20}
    assert (folder / "kiosk.log").read_text(encoding="utf-8").count(": printed ") >= 60

    # The controls. The scan finds what was planted in a text file, a database and a
    # binary file; and the slips printed hold what their visitors chose, in all three
    # languages, where the scan sees it too. The journal and the log hold none of it.
    slips = {f"slips/{path.name}" for path in (folder / "slips").glob("K01-*.pdf")}
    assert len(slips) >= 60 and len(journal.recent_slips()) >= 1
    planted = plant(folder)
    before = found(folder, labels)
    assert {name: before.pop(name) for name in planted} == planted
    assert set(before) <= slips, sorted(set(before) - slips)
    shown = {"Жоғалды", "Потеряно", "I lost it", "Ұрланды", "Украдено", "It was stolen"}
    assert shown <= set().union(*before.values())
    shutil.rmtree(folder / "planted")

    # The retention ends (the archive counts in whole seconds); the hourly sweep comes.
    time.sleep(2.1)
    sweeper = driver.window.findChild(QTimer, "retention-sweep")
    assert sweeper is not None
    sweeper.timeout.emit()
    driver.wait_until(lambda: not any((folder / "slips").iterdir()))
    assert driver.journal.recent_slips() == []  # once the purge is written
    assert found(folder, labels) == {}
