"""Head office's page: every kiosk by centre, problems first, refreshing itself.

Plain HTML rendered on the server from `fleet_status` (no script), in Kazakh, Russian or
English (`?lang=kk|ru|en`), served by `kiosk fleet serve` on one address; `/status.json`
gives the same as `kiosk fleet status --json`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import psycopg

from kiosk.fleet.central import FleetError, connect
from kiosk.fleet.status import FleetStatus, KioskStatus, fleet_status

log = logging.getLogger(__name__)
REFRESH_SECONDS = 15

LABELS: dict[str, dict[str, str]] = {
    "title": {"kk": "Киоскілер", "ru": "Киоски", "en": "Kiosks"},
    "attention": {"kk": "Назар аударыңыз", "ru": "Требуют внимания", "en": "Needs attention"},
    "kiosk": {"kk": "Киоск", "ru": "Киоск", "en": "Kiosk"},
    "seen": {"kk": "Соңғы белгі", "ru": "Последний сигнал", "en": "Last heartbeat"},
    "screen": {"kk": "Экран", "ru": "Экран", "en": "Screen"},
    "printer": {"kk": "Принтер", "ru": "Принтер", "en": "Printer"},
    "catalogue": {"kk": "Каталог", "ru": "Каталог", "en": "Catalogue"},
    "today": {"kk": "Бүгін", "ru": "Сегодня", "en": "Today"},
    "problems": {"kk": "Мәселелер", "ru": "Проблемы", "en": "Problems"},
    "never": {"kk": "ешқашан", "ru": "никогда", "en": "never"},
    "centre": {"kk": "Орталық", "ru": "Центр", "en": "Centre"},
    "silent": {
        "kk": "2 минуттан бері үнсіз",
        "ru": "молчит больше 2 минут",
        "en": "silent for over 2 minutes",
    },
    "never-seen": {
        "kk": "ешқашан байланыспаған",
        "ru": "ни разу не выходил на связь",
        "en": "never seen",
    },
    "calling-staff": {
        "kk": "қызметкерді шақырып тұр",
        "ru": "вызывает сотрудника",
        "en": "calling staff",
    },
    "printer-state": {
        "kk": "принтер: {detail}",
        "ru": "принтер: {detail}",
        "en": "printer: {detail}",
    },
    "out-of-order": {"kk": "істен шыққан", "ru": "не работает", "en": "out of order"},
    "journal": {"kk": "журнал: {detail}", "ru": "журнал: {detail}", "en": "journal: {detail}"},
    "counts": {
        "kk": "{sessions} сеанс, {completed} аяқталды, {blocked} тоқтады, {abandoned} кетті",
        "ru": "{sessions} сеансов, {completed} завершено, {blocked} остановлено, {abandoned} ушли",
        "en": "{sessions} sessions, {completed} completed, {blocked} blocked, {abandoned} left",
    },
    "drop_off": {
        "kk": "Келушілер қай сұрақта кетті (бүгін)",
        "ru": "На каком вопросе уходят посетители (сегодня)",
        "en": "Where visitors left today",
    },
    "unreachable": {
        "kk": "Орталық дерекқорға қосылу мүмкін емес",
        "ru": "Нет связи с центральной базой данных",
        "en": "The central database cannot be reached",
    },
}
STYLE = """
body { font-family: "Noto Sans", sans-serif; margin: 1.5rem; color: #15202b; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #d5dde5; }
tr.problem td { background: #fff1e6; } tr.problem td.problems { color: #9a3412; font-weight: 600; }
nav a { margin-right: .8rem; }
td:first-child, td:nth-child(2) { white-space: nowrap; }
"""


def render(status: FleetStatus, language: str) -> str:
    """The page for `status` in `language`."""

    def t(key: str) -> str:
        return LABELS[key][language]

    head = (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="{REFRESH_SECONDS}">'
        f"<title>{t('title')}</title><style>{STYLE}</style></head><body>"
        '<nav><a href="?lang=kk">Қазақша</a><a href="?lang=ru">Русский</a>'
        '<a href="?lang=en">English</a></nav>'
        f"<h1>{t('title')} · {escape(_seen(status.at))}</h1>"
    )
    parts = [head]
    troubled = [kiosk for kiosk in status.kiosks if kiosk.problems]
    if troubled:
        parts.append(f'<h2 id="attention">{t("attention")}</h2>' + _table(troubled, t, centre=True))
    centres: dict[str, list[KioskStatus]] = {}
    for kiosk in status.kiosks:
        centres.setdefault(kiosk.centre, []).append(kiosk)
    for centre in sorted(centres):
        parts.append(f"<h2>{escape(centre)}</h2>" + _table(centres[centre], t))
    if status.drop_off:
        rows = "".join(
            f"<tr><td>{escape(s)}</td><td>{escape(q)}</td><td>{n}</td></tr>"
            for s, q, n in status.drop_off
        )
        parts.append(f'<h2>{t("drop_off")}</h2><table id="drop-off">{rows}</table>')
    parts.append("</body></html>")
    return "".join(parts)


def _table(kiosks: list[KioskStatus], t: Callable[[str], str], *, centre: bool = False) -> str:
    keys = ["kiosk", "seen", "screen", "printer", "catalogue", "today", "problems"]
    if centre:
        keys.insert(1, "centre")
    header = "".join(f"<th>{t(key)}</th>" for key in keys)
    rows = []
    for k in kiosks:
        counts = t("counts").format(**vars(k.today))
        if k.today.drop_off:
            counts += " (" + ", ".join(f"{w} {n}" for w, n in k.today.drop_off.items()) + ")"
        issues = "; ".join(t(what).format(detail=detail) for what, detail in k.issues)
        where = f"<td>{escape(k.centre)}</td>" if centre else ""
        rows.append(
            f'<tr class="{"problem" if k.issues else "ok"}" data-kiosk="{escape(k.kiosk_id)}">'
            f"<td>{escape(k.kiosk_id)}</td>{where}"
            f"<td>{escape(_seen(k.last_seen) or t('never'))}</td>"
            f"<td>{escape(k.screen)}</td><td>{escape(k.printer)}</td>"
            f"<td>{escape(k.catalogue_version)}</td><td>{escape(counts)}</td>"
            f'<td class="problems">{escape(issues)}</td></tr>'
        )
    return f"<table><tr>{header}</tr>{''.join(rows)}</table>"


def _seen(last_seen: str) -> str:
    """A heartbeat's time as head office reads it: the time today, else the date too."""
    if not last_seen:
        return ""
    when = datetime.fromisoformat(last_seen).astimezone()
    today = datetime.now().astimezone().date()
    return f"{when:%H:%M:%S}" if when.date() == today else f"{when:%Y-%m-%d %H:%M}"


def make_server(url: str, host: str, port: int) -> ThreadingHTTPServer:
    """The page's server on `host:port` (every request reads the database afresh)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            language = parse_qs(parts.query).get("lang", ["ru"])[0]
            language = language if language in ("kk", "ru", "en") else "ru"
            if parts.path not in ("/", "/status.json"):
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            try:
                with connect(url) as db:
                    status = fleet_status(db)
            except (FleetError, psycopg.Error) as error:
                log.error("fleet page: %s", error)
                said = LABELS["unreachable"][language]
                if parts.path == "/status.json":
                    body = json.dumps({"error": said}, ensure_ascii=False).encode()
                    self._send(HTTPStatus.SERVICE_UNAVAILABLE, "application/json", body)
                    return
                body = (
                    f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
                    f'<meta http-equiv="refresh" content="{REFRESH_SECONDS}">'
                    f"<title>{said}</title></head><body><p>{said}</p></body></html>"
                ).encode()
                self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/html", body)
                return
            if parts.path == "/status.json":
                body = json.dumps(status.to_json(), ensure_ascii=False).encode()
                self._send(HTTPStatus.OK, "application/json", body)
            else:
                self._send(HTTPStatus.OK, "text/html", render(status, language).encode())

        def _send(self, code: HTTPStatus, kind: str, body: bytes) -> None:
            self.send_response(code)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            log.info("fleet page: " + format, *args)

    return ThreadingHTTPServer((host, port), Handler)
