"""The central database of a fleet of kiosks: its schema, its migrations, enrolling a kiosk.

One PostgreSQL database holds every kiosk's events (exactly once each: the primary key is
the kiosk and the event's own key), each kiosk's latest heartbeat, and the catalogue
versions head office publishes. Each kiosk connects as a role of its own, a member of
`fleet_kiosk`; row-level security lets it read and write only its own rows (its id is
looked up from the role it connected as, never taken from what it sends). Head office
works as the database's owner.

The schema is versioned: `MIGRATIONS` are applied in order, each once, under an advisory
lock (two `kiosk fleet init` at once wait for each other). A shipped migration is never
changed; a change is a new one.
"""

from __future__ import annotations

import re
import secrets
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

KIOSK_GROUP = "fleet_kiosk"
CONNECT_TIMEOUT = 5  # seconds
STATEMENT_TIMEOUT_MS = 15_000
LOCK_ID = 0x6B696F736B  # the advisory lock migrations hold

MIGRATIONS = [
    f"""
    CREATE TABLE kiosks (
        kiosk_id text PRIMARY KEY,
        centre text NOT NULL,
        role_name text NOT NULL UNIQUE,
        enrolled_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE heartbeats (
        kiosk_id text PRIMARY KEY REFERENCES kiosks ON DELETE CASCADE,
        sent_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        screen text NOT NULL,
        printer text NOT NULL,
        catalogue_version text NOT NULL,
        kiosk_version text NOT NULL,
        journal text NOT NULL,
        staff_calls integer NOT NULL,
        outbox integer NOT NULL
    );
    CREATE TABLE events (
        kiosk_id text NOT NULL REFERENCES kiosks ON DELETE CASCADE,
        key text NOT NULL,
        kind text NOT NULL,
        at timestamptz NOT NULL,
        body jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kiosk_id, key)
    );
    CREATE INDEX events_kind_at ON events (kind, at);
    CREATE TABLE catalogue_versions (
        version integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        published_at timestamptz NOT NULL DEFAULT now(),
        digest text NOT NULL,
        summary text NOT NULL,
        centres text[],
        files jsonb NOT NULL
    );
    DO $$ BEGIN
        CREATE ROLE {KIOSK_GROUP} NOLOGIN;
    EXCEPTION WHEN duplicate_object THEN NULL;
    END $$;
    CREATE FUNCTION fleet_kiosk_id() RETURNS text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$ SELECT kiosk_id FROM kiosks WHERE role_name = session_user $$;
    ALTER TABLE events ENABLE ROW LEVEL SECURITY;
    ALTER TABLE heartbeats ENABLE ROW LEVEL SECURITY;
    ALTER TABLE kiosks ENABLE ROW LEVEL SECURITY;
    CREATE POLICY own_events ON events TO {KIOSK_GROUP}
        USING (kiosk_id = fleet_kiosk_id()) WITH CHECK (kiosk_id = fleet_kiosk_id());
    CREATE POLICY own_heartbeat ON heartbeats TO {KIOSK_GROUP}
        USING (kiosk_id = fleet_kiosk_id()) WITH CHECK (kiosk_id = fleet_kiosk_id());
    CREATE POLICY own_kiosk ON kiosks FOR SELECT TO {KIOSK_GROUP}
        USING (role_name = session_user);
    GRANT USAGE ON SCHEMA public TO {KIOSK_GROUP};
    GRANT SELECT, INSERT ON events TO {KIOSK_GROUP};
    GRANT SELECT, INSERT, UPDATE ON heartbeats TO {KIOSK_GROUP};
    GRANT SELECT ON kiosks, catalogue_versions TO {KIOSK_GROUP};
    ALTER TABLE catalogue_versions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY own_centre ON catalogue_versions FOR SELECT TO {KIOSK_GROUP}
        USING (centres IS NULL
               OR (SELECT centre FROM kiosks WHERE role_name = session_user) = ANY (centres));
    CREATE FUNCTION fleet_received() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.received_at := now(); RETURN NEW; END $$;
    CREATE TRIGGER heartbeat_received BEFORE INSERT OR UPDATE ON heartbeats
        FOR EACH ROW EXECUTE FUNCTION fleet_received();
    GRANT EXECUTE ON FUNCTION fleet_kiosk_id() TO {KIOSK_GROUP};
    """,
]


class FleetError(Exception):
    """The central database could not be reached or refused; the message says which."""


def connect(url: str, *, autocommit: bool = False) -> psycopg.Connection[tuple[object, ...]]:
    """A connection that gives up within CONNECT_TIMEOUT, and on any statement within
    STATEMENT_TIMEOUT_MS (a kiosk's link never hangs on a dead server)."""
    try:
        return psycopg.connect(
            url,
            autocommit=autocommit,
            connect_timeout=CONNECT_TIMEOUT,
            options=f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
            application_name="kiosk",
            # A link dropped without a word (a cable pulled, a NAT forgetting it) is noticed
            # within a minute, never waited on for the kernel's quarter of an hour.
            keepalives=1,
            keepalives_idle=20,
            keepalives_interval=5,
            keepalives_count=3,
            tcp_user_timeout=60_000,
        )
    except psycopg.Error as error:
        reason = _said(error).rsplit(": ", 1)[-1].strip()  # psycopg's last word is the cause
        raise FleetError(f"cannot connect to {_where(url)}: {reason}") from None


def redacted(url: str) -> str:
    """`url` without its password, in whichever form it is given (a URL, a query parameter,
    or `key=value` words), for messages and logs."""
    try:
        password = conninfo_to_dict(url).get("password")
    except psycopg.Error:
        password = None
    said = url
    if password:
        for form in {str(password), quote(str(password), safe=""), quote(str(password))}:
            said = said.replace(form, "***")
    return said


def _where(url: str) -> str:
    """The server and database a connection string names (never its user or password)."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.Error:
        return "the centre's database"
    host, port, name = parts.get("host", "localhost"), parts.get("port", ""), parts.get("dbname")
    return f"{host}{':' + str(port) if port else ''}" + (f"/{name}" if name else "")


def _said(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def schema_version(db: psycopg.Connection[tuple[object, ...]]) -> int:
    """How many migrations the database has had (0: none)."""
    db.execute("CREATE TABLE IF NOT EXISTS fleet_schema (version integer NOT NULL)")
    row = db.execute("SELECT version FROM fleet_schema").fetchone()
    return int(str(row[0])) if row else 0


def init(url: str) -> tuple[int, int]:
    """Bring the database's schema up to date; returns (version before, version now)."""
    with connect(url) as db:
        try:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_ID,))
            before = schema_version(db)
            if before > len(MIGRATIONS):
                raise FleetError(
                    f"the database's schema is version {before}, newer than this kiosk's"
                    f" ({len(MIGRATIONS)}): upgrade the kiosk software first"
                )
            for script in MIGRATIONS[before:]:
                db.execute(script.encode())
            db.execute("DELETE FROM fleet_schema")
            db.execute("INSERT INTO fleet_schema VALUES (%s)", (len(MIGRATIONS),))
            db.commit()
        except psycopg.Error as error:
            raise FleetError(f"cannot set up {redacted(url)}: {_said(error)}") from None
    return before, len(MIGRATIONS)


KIOSK_ID = re.compile(r"^[A-Za-z0-9-]{1,16}$")
CENTRE = re.compile(r"^[\w .()-]{1,80}$")


def role_name(kiosk_id: str) -> str:
    """The database role a kiosk connects as."""
    return "kiosk_" + kiosk_id.lower().replace("-", "_")


def enrol(url: str, kiosk_id: str, centre: str) -> str:
    """Give a kiosk its own role (a new password) in `centre`; returns the URL it connects
    with (set it as that kiosk's `fleet.url`). Enrolling a kiosk again gives it a new
    password and moves it to `centre`."""
    if not KIOSK_ID.match(kiosk_id):
        raise FleetError(f"kiosk id {kiosk_id!r}: 1–16 letters, digits or '-'")
    if not CENTRE.match(centre):
        raise FleetError(f"centre {centre!r}: 1–80 letters, digits, spaces or . ( ) -")
    role, password = role_name(kiosk_id), secrets.token_urlsafe(24)
    with connect(url) as db:
        try:
            exists = db.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
            verb = "ALTER" if exists else "CREATE"
            db.execute(
                sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(password)
                )
            )
            db.execute(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(KIOSK_GROUP), sql.Identifier(role))
            )
            if exists:  # the old password's sessions end now, not at their next connection
                db.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                    (role,),
                )
            db.execute(
                "INSERT INTO kiosks (kiosk_id, centre, role_name) VALUES (%s, %s, %s)"
                " ON CONFLICT (kiosk_id) DO UPDATE SET centre = excluded.centre",
                (kiosk_id, centre, role),
            )
            db.commit()
        except psycopg.Error as error:
            raise FleetError(
                f"cannot enrol {kiosk_id} in {redacted(url)}: {_said(error)}"
            ) from None
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{quote(role)}:{quote(password)}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))
