"""The kiosk as an operator installs it: an sdist and a wheel built from the checkout, the
wheel installed into a fresh virtual environment outside the checkout, and the kiosk run
from another folder finds its catalogue, texts, themes, fonts and demo payment profiles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QUOTE = [
    "quote",
    "id-card-restoration",
    "--answer",
    "circumstance=lost",
    "--answer",
    "losses-this-year=3-or-more",
    "--answer",
    "duty-exemption=no",
    "--answer",
    "foreign-passport=no",
    "--answer",
    "days-without-id=over-30-days",
    "--answer",
    "urgency=1-day",
    "--date",
    "2026-11-23",
    "--lang",
    "kk",
]
SHIPPED = ["fees.yaml", "services/id-card-restoration.yaml", "i18n/ui.yaml", "theme/kiosk.qss"]
SHIPPED += ["fonts/NotoSans-Regular.ttf", "demo-payments.toml", "icons/id-card.svg"]
SHIPPED += ["deploy/kiosk-cage.service", "deploy/10-kiosk-lockdown.conf"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist, and the wheel built from it (as `python -m build` does)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [sdist] = out.glob("kiosk-*.tar.gz")
    [wheel] = out.glob("kiosk-*.whl")
    return {"sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="module")
def installed(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment, outside the checkout, with the wheel installed."""
    home = tmp_path_factory.mktemp("operator")
    venv.create(home / "venv", with_pip=True)
    python = home / "venv" / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", built["wheel"]],
        check=True,
        timeout=900,
    )
    return home


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    environment.pop("PYTHONPATH", None)
    environment.update(QT_QPA_PLATFORM="offscreen", KIOSK_DATA_FOLDER=str(home / "data"))
    return subprocess.run(
        [str(home / "venv" / "bin" / "kiosk"), *args],
        cwd=home,  # not the checkout: nothing is found beside it by chance
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_sdist_and_the_wheel_carry_the_assets(built: dict[str, Path]) -> None:
    with tarfile.open(built["sdist"]) as sdist:
        names = sdist.getnames()
    for shipped in SHIPPED:
        assert any(name.endswith(f"/assets/{shipped}") for name in names), shipped
    with zipfile.ZipFile(built["wheel"]) as wheel:
        inside = set(wheel.namelist())
    for shipped in SHIPPED:
        assert f"kiosk/assets/{shipped}" in inside, shipped


def test_the_installed_kiosk_runs_from_any_folder(installed: Path) -> None:
    version = run(installed, "--version")
    assert version.returncode == 0 and version.stdout.strip().startswith("kiosk 0.")
    smoke = run(installed, "--smoke")
    assert smoke.returncode == 0, smoke.stderr
    assert "painted the welcome screen" in smoke.stdout
    check = run(installed, "catalogue", "check")
    assert check.returncode == 0 and "/venv/" in check.stdout  # the packaged catalogue
    staged = installed / "staged"
    service = run(installed, "install-service", "--yes", "--root", str(staged))
    assert service.returncode == 0, service.stderr  # the packaged unit and lock-down files
    assert "cage -d --" in (staged / "etc/systemd/system/kiosk.service").read_text("utf-8")


def test_the_installed_kiosk_quotes_as_the_checkout_does(installed: Path) -> None:
    there = run(installed, *QUOTE)
    assert there.returncode == 0, there.stderr
    here = subprocess.run(
        [sys.executable, "-m", "kiosk", *QUOTE], capture_output=True, text=True, cwd=ROOT
    )
    assert json.loads(there.stdout) == json.loads(here.stdout)
    assert json.loads(there.stdout)["bill"]["total"] == "7697"


def test_the_installed_kiosk_renders_a_slip(installed: Path) -> None:
    slip = installed / "slip.pdf"
    arguments = [a for a in QUOTE[1:] if a != "quote"]
    done = run(installed, "slip", *arguments, "--out", str(slip))
    assert done.returncode == 0, done.stderr
    assert slip.read_bytes().startswith(b"%PDF") and slip.stat().st_size > 10_000
