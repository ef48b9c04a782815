"""`kiosk fleet …`: head office's commands on the central database."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

import psycopg

from kiosk.fleet import central, rollout
from kiosk.fleet.central import FleetError, connect, redacted
from kiosk.fleet.page import make_server
from kiosk.fleet.status import as_text, fleet_status


def fleet(args: argparse.Namespace) -> int:
    """Run one fleet command; 0, or 1 after saying what is wrong."""
    url = args.url or _url_from_settings(args)
    if url is None:
        return 1
    try:
        return COMMANDS[args.fleet_command](args, url)
    except FleetError as error:
        print(f"kiosk: fleet: {error}", file=sys.stderr)
        return 1
    except psycopg.Error as error:
        said = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        hint = " (run `kiosk fleet init` on it first)" if _not_set_up(error) else ""
        print(f"kiosk: fleet: {redacted(url)}: {said}{hint}", file=sys.stderr)
        return 1


def _not_set_up(error: Exception) -> bool:
    return isinstance(error, psycopg.errors.UndefinedTable | psycopg.errors.UndefinedFunction)


def _url_from_settings(args: argparse.Namespace) -> str | None:
    from kiosk.settings import SettingsError, load_settings

    try:
        settings = load_settings(args.settings)
    except SettingsError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return None
    if settings.fleet.url is None:
        print(
            "kiosk: fleet: no central database: give --url or set fleet.url (KIOSK_FLEET__URL)",
            file=sys.stderr,
        )
    return settings.fleet.url


def _init(args: argparse.Namespace, url: str) -> int:
    before, now = central.init(url)
    said = "up to date" if before == now else f"schema version {before} → {now}"
    print(f"fleet database {redacted(url)}: {said}")
    return 0


def _enrol(args: argparse.Namespace, url: str) -> int:
    kiosk_url = central.enrol(url, args.kiosk_id, args.centre)
    print(f"kiosk {args.kiosk_id} enrolled in {args.centre}; set its fleet.url to:")
    print(kiosk_url)
    return 0


def _publish(args: argparse.Namespace, url: str) -> int:
    for centre in args.centres:
        if not central.CENTRE.match(centre):
            print(f"kiosk: fleet: centre {centre!r} is not a centre's code", file=sys.stderr)
            return 1
    with connect(url) as db:
        try:
            published = rollout.publish(db, args.folder, tuple(args.centres), date.today())
        except rollout.PublishError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            print(
                f"catalogue {args.folder}: {len(error.problems)} problem(s): nothing published",
                file=sys.stderr,
            )
            return 1
    for warning in published.warnings:
        print(f"warning: {warning}")
    for centre in published.empty_centres:
        print(f"warning: no kiosk is enrolled in centre {centre!r} (centres are matched exactly)")
    where = ", ".join(published.centres) if published.centres else "every centre"
    print(
        f"catalogue version {published.version} ({published.digest}) published for {where}:"
        f" {published.summary}"
    )
    return 0


def _status(args: argparse.Namespace, url: str) -> int:
    with connect(url) as db:
        status = fleet_status(db)
    if args.json:
        print(json.dumps(status.to_json(), ensure_ascii=False, indent=2))
    else:
        print(as_text(status))
    return 0


def _serve(args: argparse.Namespace, url: str) -> int:
    try:
        server = make_server(url, args.host, args.port)
    except OSError as error:
        print(f"kiosk: fleet: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 1
    host, port = server.server_address[:2]
    print(f"fleet page on http://{host}:{port}/ (Ctrl+C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


COMMANDS = {
    "init": _init,
    "enrol": _enrol,
    "publish": _publish,
    "status": _status,
    "serve": _serve,
}
