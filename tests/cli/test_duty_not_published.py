"""`kiosk quote` and `kiosk slip` on a date whose year has no MCI published: exit 0, no bill,
no payments, the warning `duty-not-published`, everything else as on any day. Adding the
year's MCI is one line of fees.yaml."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.logic.i18n import LANGUAGES
from kiosk.testing import ID_CARD_STOLEN, LICENCE_EXPIRED
from tests.logic.helpers import NOT_PUBLISHED_2027 as NOT_PUBLISHED

ANSWERS = {"id-card-restoration": ID_CARD_STOLEN, "driving-licence-replacement": LICENCE_EXPIRED}


def kiosk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def answered(service: str) -> list[str]:
    return [part for q, o in ANSWERS[service].items() for part in ("--answer", f"{q}={o}")]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("service", sorted(ANSWERS))
def test_quote_in_a_year_with_no_mci(service: str, language: str) -> None:
    done = kiosk("quote", service, *answered(service), "--date", "2027-01-05", "--lang", language)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["complete"] is True and data["next_question"] is None
    assert data["bill"] is None and data["payments"] == [] and data["mci"] is None
    assert data["documents"] and all(doc["title"] for doc in data["documents"])
    warning = data["warnings"][0]
    assert warning["id"] == "duty-not-published"
    assert NOT_PUBLISHED[language] in warning["text"]
    assert "₸" not in done.stdout  # never a guessed amount
    assert data["processing"]


def test_the_example_of_the_issue_exits_0() -> None:
    """`kiosk quote id-card-restoration --date 2027-01-05 --answer circumstance=lost` used
    to exit 1: the next question is asked, as on any day."""
    done = kiosk(
        "quote", "id-card-restoration", "--date", "2027-01-05", "--answer", "circumstance=lost"
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["next_question"] == "losses-this-year" and data["complete"] is False
    assert data["bill"] is None and data["payments"] == []
    assert "duty-not-published" in [item["id"] for item in data["warnings"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_slip_in_a_year_with_no_mci(language: str) -> None:
    service = "id-card-restoration"
    done = kiosk(
        "slip", service, *answered(service), "--date", "2027-01-05", "--lang", language,
        "--format", "text", "--out", "-",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert NOT_PUBLISHED[language] in done.stdout
    assert "₸" not in done.stdout and "[QR]" not in done.stdout


def test_one_line_of_fees_yaml_prices_the_year(catalogue_copy: Path) -> None:
    fees = catalogue_copy / "fees.yaml"
    lines = fees.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if line.lstrip().startswith("- {year:"))
    lines.insert(last + 1, "  - {year: 2027, value: 4500, rounding: half-up}\n")
    fees.write_text("".join(lines), encoding="utf-8")
    service = "id-card-restoration"
    args = ("quote", service, *answered(service), "--date", "2027-01-05", "--lang", "en")
    done = kiosk(*args, env={"KIOSK_CATALOGUE": str(catalogue_copy)})
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["mci"] == {"year": 2027, "value": "4500"}
    assert data["bill"] is not None and data["bill"]["total"] == str(4500 + 3372)
    assert [payment["payee"] for payment in data["payments"]] == [
        "state-budget",
        "state-corporation",
    ]
    assert "duty-not-published" not in [item["id"] for item in data["warnings"]]
    check = kiosk("catalogue", "check", str(catalogue_copy))
    assert check.returncode == 0, check.stderr
