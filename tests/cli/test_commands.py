"""The `kiosk` command line, run as a separate process exactly as operators run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ID_ANSWERS = [
    "circumstance=lost",
    "losses-this-year=1",
    "duty-exemption=no",
    "foreign-passport=no",
    "days-without-id=under-10-days",
    "urgency=standard",
]


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def answers(*pairs: str) -> list[str]:
    return [part for pair in pairs for part in ("--answer", pair)]


def test_quote_from_the_issue() -> None:
    done = kiosk("quote", "id-card-restoration", *answers(*ID_ANSWERS), "--date", "2026-11-23")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["complete"] is True
    assert data["next_question"] is None
    assert data["bill"]["total"] == "865"
    assert data["bill"]["lines"][0]["amount"] == "865"
    assert data["ready_by"] == "2026-12-14"
    assert data["language"] == "kk"  # the demo centre's default
    assert data["mci"] == {"year": 2026, "value": "4325"}


def test_quote_options() -> None:
    done = kiosk(
        "quote",
        "id-card-restoration",
        *answers(*ID_ANSWERS[:-1], "urgency=7-days"),
        "--date",
        "2025-03-03",
        "--lang",
        "ru",
        "--centre-class",
        "district",
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["bill"]["total"] == str(787 + 678)
    assert data["language"] == "ru"
    assert data["bill"]["lines"][1]["label"] == "Ускоренное оформление"


def test_centre_class_from_settings(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('[centre]\ncentre_class = "regional"\n', encoding="utf-8")
    done = kiosk(
        "--settings",
        str(settings),
        "quote",
        "id-card-restoration",
        *answers(*ID_ANSWERS[:-1], "urgency=5-days"),
        "--date",
        "2026-11-23",
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["bill"]["total"] == str(865 + 1771)


def test_incomplete_quote() -> None:
    done = kiosk("quote", "driving-licence-replacement", "--answer", "reason=expired")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["complete"] is False and data["next_question"] == "medical-exam"


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["quote", "passport-renewal"], "'passport-renewal'"),
        (["quote", "id-card-restoration", "--answer", "colour=red"], "'colour'"),
        (["quote", "id-card-restoration", "--answer", "circumstance=burnt"], "'burnt'"),
        (["quote", "id-card-restoration", "--answer", "police-talon=yes"], "'police-talon'"),
        (["quote", "id-card-restoration", "--answer", "circumstance"], "QUESTION=OPTION"),
        (["quote", "id-card-restoration", "--date", "23.11.2026"], "23.11.2026"),
        (["quote", "id-card-restoration", "--centre-class", "capital"], "capital"),
        (["quote", "id-card-restoration", "--lang", "de"], "'de'"),
        (["catalogue", "verify"], "verify"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args: list[str], named: str) -> None:
    done = kiosk(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert named in lines[0]


def test_year_without_mci_gets_no_amount() -> None:
    done = kiosk("quote", "id-card-restoration", "--date", "2031-01-01")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["bill"] is None and data["payments"] == [] and data["mci"] is None
    assert data["warnings"][0]["id"] == "duty-not-published"


def test_catalogue_check_passes_on_the_shipped_catalogue() -> None:
    done = kiosk("catalogue", "check")
    assert done.returncode == 0, done.stderr
    assert "OK" in done.stdout and "2 services" in done.stdout


def test_catalogue_check_names_the_fault_in_a_broken_copy(catalogue_copy: Path) -> None:
    service = catalogue_copy / "services" / "driving-licence-replacement.yaml"
    text = service.read_text(encoding="utf-8")
    service.write_text(text.replace("payee: state-budget", "payee: treasury"), encoding="utf-8")
    done = kiosk("catalogue", "check", str(catalogue_copy))
    assert done.returncode == 1
    assert "services/driving-licence-replacement.yaml:" in done.stderr
    assert "bill[0].payee: unknown payee 'treasury'" in done.stderr


def test_bad_setting_names_the_key(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('[centre]\ncentre_class = "capital"\n', encoding="utf-8")
    done = kiosk("--settings", str(settings), "catalogue", "check")
    assert done.returncode == 1
    assert "centre.centre_class" in done.stderr and str(settings) in done.stderr


def test_quote_payments_pass_an_independent_check_and_decode_from_pixels() -> None:
    from decimal import Decimal

    import numpy as np
    import zxingcpp

    from kiosk.logic.qrmatrix import qr_matrix
    from tests.emv_reference import verify

    done = kiosk(
        "quote",
        "id-card-restoration",
        *answers(*ID_ANSWERS[:1], "losses-this-year=3-or-more", *ID_ANSWERS[2:-1], "urgency=1-day"),
        "--date",
        "2026-11-23",
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    by_payee: dict[str, Decimal] = {}
    for line in data["bill"]["lines"]:
        by_payee[line["payee"]] = by_payee.get(line["payee"], Decimal(0)) + Decimal(line["amount"])
    assert by_payee == {"state-budget": Decimal(4325), "state-corporation": Decimal(3372)}
    assert {p["payee"]: Decimal(p["amount"]) for p in data["payments"]} == by_payee
    for payment in data["payments"]:
        fields = verify(payment["payload"])
        assert Decimal(fields["54"]) == Decimal(payment["amount"])
        rows = np.array(qr_matrix(payment["payload"]).rows, dtype=bool)
        pixels = np.kron(np.where(rows, 0, 255).astype(np.uint8), np.ones((3, 3), np.uint8))
        assert [r.text for r in zxingcpp.read_barcodes(pixels)] == [payment["payload"]]


def test_half_configured_payment_profile_names_the_missing_field(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text(
        '[payments.state-budget]\nglobally_unique_id = "kz.x"\nbin = "000000000001"\n',
        encoding="utf-8",
    )
    done = kiosk("--settings", str(settings), "catalogue", "check")
    assert done.returncode == 1
    assert "setting payments.state-budget.iban: Field required" in done.stderr


def test_payee_without_a_profile_stops_start_up(tmp_path: Path) -> None:
    import tomllib

    from kiosk.settings import DEMO_PAYMENTS

    demo = tomllib.loads(DEMO_PAYMENTS.read_text(encoding="utf-8"))["state-budget"]
    lines = ["[payments.state-budget]"] + [f"{k} = {json.dumps(v)}" for k, v in demo.items()]
    settings = tmp_path / "settings.toml"
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = kiosk("--smoke", "--settings", str(settings))
    assert done.returncode == 1
    assert "payments.state-corporation" in done.stderr
    done = kiosk("--settings", str(settings), "quote", "id-card-restoration")
    assert done.returncode == 1 and "state-corporation" in done.stderr


def kiosk_env(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    import os

    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        env=environment,
    )


def test_without_a_display_the_kiosk_says_so_plainly() -> None:
    done = kiosk_env()
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "no display" in lines[0]
    assert "kiosk screenshots" in lines[0] and "--smoke" in lines[0]


def test_smoke_paints_the_welcome_screen(tmp_path: Path) -> None:
    done = kiosk_env("--smoke", KIOSK_DATA_FOLDER=str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "painted the welcome screen" in done.stdout
    assert (tmp_path / "kiosk.log").exists()


def test_smoke_fails_on_a_broken_setting(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[timing]\nidle = -1\n", encoding="utf-8")
    done = kiosk_env("--settings", str(settings), "--smoke")
    assert done.returncode == 1
    assert "timing.idle" in done.stderr


def test_screenshots_render_every_language(tmp_path: Path) -> None:
    done = kiosk_env(
        "screenshots",
        str(tmp_path / "shots"),
        "--date",
        "2026-11-23",
        QT_QPA_PLATFORM="offscreen",
        KIOSK_DATA_FOLDER=str(tmp_path / "data"),
    )
    assert done.returncode == 0, done.stderr
    names = {p.name for p in (tmp_path / "shots").glob("*.png")}
    for language in ("kk", "ru", "en"):
        assert f"{language}-01-welcome.png" in names
        assert f"{language}-10-id-card-8-result.png" in names
        assert f"{language}-30-blocker-police.png" in names
        assert f"{language}-40-idle-warning.png" in names
        assert f"{language}-1080x1920-10-id-card-8-result.png" in names  # portrait too
        assert f"{language}-61-staff-dashboard.png" in names
    assert "high-contrast-04-result.png" in names and "large-text-02-question.png" in names


SLIP_ANSWERS = answers(*ID_ANSWERS)


def test_slip_as_text() -> None:
    done = kiosk(
        "slip",
        "id-card-restoration",
        *SLIP_ANSWERS,
        "--date",
        "2026-11-23",
        "--lang",
        "ru",
        "--out",
        "-",
        "--format",
        "text",
    )
    assert done.returncode == 0, done.stderr
    assert "Номер памятки: K01-20261123-0000" in done.stdout
    assert "Итого  865\u00a0₸" in done.stdout
    assert "[QR] 000201" in done.stdout


def test_slip_as_pdf_scans(tmp_path: Path) -> None:
    import pypdfium2 as pdfium
    import zxingcpp

    out = tmp_path / "slip.pdf"
    done = kiosk(
        "slip", "id-card-restoration", *SLIP_ANSWERS, "--date", "2026-11-23", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    page = pdfium.PdfDocument(str(out))[0]
    pixels = page.render(scale=300 / 72, grayscale=True).to_numpy()
    [code] = zxingcpp.read_barcodes(pixels if pixels.ndim == 2 else pixels[..., 0])
    quote = json.loads(
        kiosk("quote", "id-card-restoration", *SLIP_ANSWERS, "--date", "2026-11-23").stdout
    )
    assert code.text == quote["payments"][0]["payload"]


def test_slip_as_escpos(tmp_path: Path) -> None:
    out = tmp_path / "slip.bin"
    done = kiosk(
        "slip",
        "driving-licence-replacement",
        "--answer",
        "reason=early",
        "--answer",
        "unpaid-fines=no",
        "--answer",
        "recent-photo-document=yes",
        "--answer",
        "duty-paid-before=no",
        "--out",
        str(out),
        "--format",
        "escpos",
        "--lang",
        "en",
    )
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"\x1b@") and b"\x1dV" in data and b"Documents to bring" in data


def test_a_slip_needs_a_complete_or_blocked_quote(tmp_path: Path) -> None:
    unfinished = kiosk(
        "slip",
        "id-card-restoration",
        "--answer",
        "circumstance=lost",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert unfinished.returncode == 2 and "not complete" in unfinished.stderr
    assert not (tmp_path / "x.pdf").exists()
    blocked = kiosk(
        "slip",
        "id-card-restoration",
        "--answer",
        "circumstance=stolen",
        "--answer",
        "police-talon=no",
        "--format",
        "text",
        "--out",
        str(tmp_path / "blocked.txt"),
    )
    assert blocked.returncode == 0, blocked.stderr
    text = (tmp_path / "blocked.txt").read_text(encoding="utf-8")
    assert "[QR]" not in text  # what to do first, and nothing to pay
