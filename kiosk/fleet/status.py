"""What head office sees of its fleet: every kiosk's last heartbeat and today's visitors.

One query over the central database: each kiosk with its heartbeat (silent when none came
for SILENT), today's sessions by outcome from the events, and where today's visitors who
left gave up (the question they were on). Kiosks with a problem come first.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

import psycopg

SILENT = timedelta(minutes=2)
# What head office must act on: a printer out of paper or off (paper-low is soon; unknown is
# a printer not asked yet, such as a PDF back end before its first slip).
PRINTER_PROBLEMS = ("no-paper", "offline")

STATUS = """
WITH today AS (
    SELECT kiosk_id,
           count(*) AS sessions,
           count(*) FILTER (WHERE body->>'outcome' = 'completed') AS completed,
           count(*) FILTER (WHERE body->>'outcome' = 'blocked') AS blocked,
           count(*) FILTER (WHERE body->>'outcome' IN ('abandoned', 'timed-out')) AS abandoned
    FROM events
    WHERE kind = 'session' AND at >= %(since)s
    GROUP BY kiosk_id
)
SELECT k.kiosk_id, k.centre, h.received_at,
       h.received_at IS NULL OR now() - h.received_at > %(silent)s,
       h.screen, h.printer, h.catalogue_version,
       h.staff_calls, h.outbox, h.journal, h.kiosk_version,
       coalesce(t.sessions, 0), coalesce(t.completed, 0), coalesce(t.blocked, 0),
       coalesce(t.abandoned, 0),
       (SELECT max(version) FROM catalogue_versions v
        WHERE v.digest = h.catalogue_version
          AND (v.centres IS NULL OR k.centre = ANY (v.centres)))
FROM kiosks k
LEFT JOIN heartbeats h USING (kiosk_id)
LEFT JOIN today t USING (kiosk_id)
ORDER BY k.centre, k.kiosk_id
"""
# Where a visitor who left was: the question on screen, else the screen (review, result …).
DROP_OFF = """
SELECT kiosk_id, coalesce(body->>'service', ''),
       CASE WHEN body->>'last_screen' = 'question'
            THEN coalesce(body->>'last_question', 'question')
            ELSE coalesce(body->>'last_screen', '') END,
       count(*)
FROM events
WHERE kind = 'session' AND at >= %(since)s AND body->>'outcome' IN ('abandoned', 'timed-out')
GROUP BY 1, 2, 3
"""


@dataclass(frozen=True)
class Today:
    sessions: int
    completed: int
    blocked: int
    abandoned: int
    drop_off: dict[str, int] = field(default_factory=dict)  # "service: question" → left


@dataclass(frozen=True)
class KioskStatus:
    """One kiosk as head office sees it."""

    kiosk_id: str
    centre: str
    last_seen: str  # ISO time of the last heartbeat ("" if none came)
    silent: bool
    screen: str
    printer: str
    catalogue_version: str
    staff_calls: int
    today: Today
    outbox: int = 0
    journal: str = ""
    kiosk_version: str = ""
    issues: tuple[tuple[str, str], ...] = field(default=())  # (what, detail), problems first

    @property
    def problems(self) -> tuple[str, ...]:
        """The issues in words (English, for the terminal and JSON)."""
        return tuple(ISSUE_WORDS[what].format(detail=detail) for what, detail in self.issues)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        del data["issues"]
        data["problems"] = list(self.problems)
        return data


@dataclass(frozen=True)
class FleetStatus:
    kiosks: list[KioskStatus]
    drop_off: list[tuple[str, str, int]]  # (service, question, visitors who left there)
    at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "kiosks": [kiosk.to_json() for kiosk in self.kiosks],
            "drop_off": [{"service": s, "question": q, "left": n} for s, q, n in self.drop_off],
        }


def fleet_status(db: psycopg.Connection[Any], now: datetime | None = None) -> FleetStatus:
    """Every kiosk, problems first, and today's drop-off by question."""
    now = now or datetime.now().astimezone()
    since = now.replace(hour=0, minute=0, second=0, microsecond=0)
    left: dict[str, dict[str, int]] = {}
    fleet_wide: dict[tuple[str, str], int] = {}
    for kiosk_id, service, where, number in db.execute(DROP_OFF, {"since": since}):
        left.setdefault(str(kiosk_id), {})[f"{service}: {where}"] = int(number)
        fleet_wide[(str(service), str(where))] = fleet_wide.get((service, where), 0) + number
    kiosks = []
    for row in db.execute(STATUS, {"since": since, "silent": SILENT}).fetchall():
        (kiosk_id, centre, seen, silent, screen, printer, catalogue, calls, outbox, journal,
         version, sessions, completed, blocked, abandoned, published) = row  # fmt: skip
        label = str(catalogue or "")
        if published is not None:
            label = f"v{published} · {label}"
        kiosk = KioskStatus(
            kiosk_id=str(kiosk_id),
            centre=str(centre),
            last_seen=seen.astimezone().isoformat(timespec="seconds") if seen else "",
            silent=bool(silent),
            screen=str(screen or ""),
            printer=str(printer or ""),
            catalogue_version=label,
            staff_calls=int(calls or 0),
            today=Today(
                int(sessions),
                int(completed),
                int(blocked),
                int(abandoned),
                left.get(str(kiosk_id), {}),
            ),
            outbox=int(outbox or 0),
            journal=str(journal or ""),
            kiosk_version=str(version or ""),
        )
        kiosks.append(_with_problems(kiosk))
    kiosks.sort(key=lambda k: (not k.problems, k.centre, k.kiosk_id))
    drop_off = sorted(
        ((s, q, int(n)) for (s, q), n in fleet_wide.items()), key=lambda d: (-d[2], d[0], d[1])
    )
    db.commit()
    return FleetStatus(kiosks, drop_off, now.isoformat(timespec="seconds"))


ISSUE_WORDS = {
    "silent": "silent: no heartbeat for 2 minutes",
    "never-seen": "never seen",
    "calling-staff": "calling staff",
    "printer-state": "printer {detail}",
    "out-of-order": "out of order",
    "journal": "journal: {detail}",
}


def _with_problems(kiosk: KioskStatus) -> KioskStatus:
    issues: list[tuple[str, str]] = []
    if kiosk.silent:
        issues.append(("silent", "") if kiosk.last_seen else ("never-seen", ""))
    if kiosk.staff_calls:
        issues.append(("calling-staff", ""))
    if kiosk.last_seen and kiosk.printer in PRINTER_PROBLEMS:
        issues.append(("printer-state", kiosk.printer))
    if kiosk.screen == "out-of-order":
        issues.append(("out-of-order", ""))
    if kiosk.journal not in ("", "ok"):
        issues.append(("journal", kiosk.journal))
    return KioskStatus(**{**asdict(kiosk), "today": kiosk.today, "issues": tuple(issues)})


def as_text(status: FleetStatus) -> str:
    """The status as lines for a terminal."""
    lines = [f"fleet status at {status.at}: {len(status.kiosks)} kiosks"]
    for k in status.kiosks:
        seen = k.last_seen or "never"
        t = k.today
        lines.append(
            f"{'!' if k.problems else ' '} {k.kiosk_id:16} {k.centre:20} seen {seen:25}"
            f" {k.screen or '-':12} printer {k.printer or '-':9}"
            f" catalogue {k.catalogue_version or '-'}"
            f"  today {t.sessions} sessions, {t.completed} completed, {t.blocked} blocked,"
            f" {t.abandoned} left" + (f"  [{'; '.join(k.problems)}]" if k.problems else "")
        )
    if status.drop_off:
        lines.append("where visitors left today (service, question: visitors):")
        lines += [f"  {s or '-'}, {q}: {n}" for s, q, n in status.drop_off]
    return "\n".join(lines)
