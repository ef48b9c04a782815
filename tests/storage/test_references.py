"""References are unique and increasing per kiosk: across restarts, a clock set back, a
new day, and a references file lost or emptied by a power cut."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.storage.journal import ArchivedSlip, Journal
from kiosk.storage.references import ReferenceBook

NOV_22, NOV_23 = date(2026, 11, 22), date(2026, 11, 23)


def number(reference: str) -> int:
    return int(reference.rsplit("-", 1)[-1])


def test_a_clock_set_back_never_repeats_a_reference(tmp_path) -> None:
    book = ReferenceBook("K01", tmp_path)
    handed = [book.next(NOV_22), book.next(NOV_23), book.next(NOV_22)]  # clock set back
    assert handed[0] == "K01-20261122-0001"
    assert len(set(handed)) == 3
    assert [number(r) for r in handed] == sorted(number(r) for r in handed)


def test_a_restart_goes_on_where_the_last_run_stopped(tmp_path) -> None:
    book = ReferenceBook("K01", tmp_path)
    first = book.next(NOV_23)
    book.stop()
    again = ReferenceBook("K01", tmp_path).next(NOV_23)
    assert number(again) == number(first) + 1


def test_a_power_cut_never_repeats_a_number_and_no_tap_waits(tmp_path) -> None:
    book = ReferenceBook("K01", tmp_path)
    book.start()
    handed = [book.next(NOV_23) for _ in range(120)]  # numbers reserved on disk ahead of use
    assert book.settled()  # the reservation under way reaches the disk
    # The power goes: no clean stop. The next run goes on above every number handed out.
    after = ReferenceBook("K01", tmp_path).next(NOV_23)
    assert number(after) > max(number(r) for r in handed)
    assert len(set(handed)) == 120


def test_a_floor_known_later_still_counts(tmp_path) -> None:
    known = {"floor": 0}
    book = ReferenceBook("K01", tmp_path, lambda: known["floor"])
    assert number(book.next(NOV_23)) == 1
    known["floor"] = 40  # the journal, locked at start, has now been read
    assert number(book.next(NOV_23)) == 41


def test_an_older_references_file_is_read(tmp_path) -> None:
    (tmp_path / "references.json").write_text('{"2026-11-23": 41}', encoding="utf-8")
    assert ReferenceBook("K01", tmp_path).next(NOV_23) == "K01-20261123-0042"


def test_an_emptied_file_goes_on_above_what_the_journal_holds(tmp_path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    book = ReferenceBook("K01", tmp_path, lambda: journal.highest_reference("K01"))
    for _ in range(5):
        reference = book.next(NOV_23)
        journal.archive_slip(
            ArchivedSlip(reference, "id-card-restoration", {}, [], "2026-11-23", "kk", "major", ""),
            datetime(2026, 11, 23, 10),
        )
    assert book.settled()
    (tmp_path / "references.json").write_text("", encoding="utf-8")  # a power cut
    reopened = ReferenceBook("K01", tmp_path, lambda: journal.highest_reference("K01"))
    fresh = reopened.next(NOV_23)
    assert number(fresh) == 6
    assert journal.archived(fresh) is None  # no archived slip is overwritten


def test_another_kiosk_s_references_do_not_count(tmp_path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    journal.record_print("K02-20261123-0900", "printed", "", "ready", datetime(2026, 11, 23))
    journal.record_print("K01-20261123-0007", "printed", "", "ready", datetime(2026, 11, 23))
    assert journal.highest_reference("K01") == 7
