"""A day's figures from the journal: sessions by service, outcome and language, and the
screens where visitors gave up. Counted by the journal (SQLite), not by reading every row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kiosk.storage.journal import Journal

GAVE_UP = ("abandoned", "timed-out")


@dataclass(frozen=True)
class DayFigures:
    """How many sessions a day had, by service id, outcome and language; and where the
    sessions that were given up ended (screen name → count). An unfinished session's
    outcome is `in progress`, a session with no service yet has service None."""

    services: dict[str | None, int] = field(default_factory=dict)
    outcomes: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    gave_up: dict[str, int] = field(default_factory=dict)

    @property
    def sessions(self) -> int:
        """Sessions started that day."""
        return sum(self.outcomes.values())


def day_figures(journal: Journal, day: date) -> DayFigures:
    """The figures of sessions started on `day`."""
    started = day.isoformat()
    outcomes = journal.count_sessions(started, "outcome")
    return DayFigures(
        services=journal.count_sessions(started, "service"),
        outcomes={key or "in progress": number for key, number in outcomes.items()},
        languages={str(key): n for key, n in journal.count_sessions(started, "language").items()},
        gave_up={
            str(key): number
            for key, number in journal.count_sessions(started, "last_screen", GAVE_UP).items()
        },
    )


@dataclass(frozen=True)
class DeskJournal:
    """What the staff dashboard shows from the journal: today's figures, the latest print
    (reference, status, detail), the latest slips kept for reprints and the audit log."""

    figures: DayFigures = field(default_factory=DayFigures)
    last_print: tuple[str, str, str] | None = None
    slips: tuple[str, ...] = ()
    audit: tuple[tuple[str, str, str], ...] = ()  # (time, staff name or "", action)


def desk_journal(journal: Journal, day: date) -> DeskJournal:
    """Read what the dashboard shows, for `day`."""
    return DeskJournal(
        day_figures(journal, day),
        journal.last_print(),
        tuple(journal.recent_slips()[:10]),
        tuple(journal.audit_entries(20)),
    )
