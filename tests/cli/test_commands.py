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


def test_year_without_mci_is_refused() -> None:
    done = kiosk("quote", "id-card-restoration", "--date", "2031-01-01")
    assert done.returncode == 1
    assert "no MCI is configured for 2031" in done.stderr
    assert done.stdout == ""


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


def test_run_prints_the_catalogue_summary() -> None:
    done = kiosk("--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Restore a lost or stolen ID card" in done.stdout
    assert "Replace a driving licence" in done.stdout
