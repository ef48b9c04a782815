"""Named regressions: each way a careless operator or an attacker broke the loaders.

Every case goes through the real command line: exit 1, one line on stderr naming the file or
variable and the field, no traceback, and no hang (the process is given a generous limit
only so that a hang fails the test instead of the run; `python -m benchmarks faults`
measures how fast the errors really are).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.logic.catalogue import CatalogueError, load_catalogue
from kiosk.logic.yamlfile import MAX_DEPTH, YamlFile, YamlFileError, safe_load
from tests.kiosk_process import environment

SERVICE = "services/id-card-restoration.yaml"


def kiosk(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        env=environment(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def refused(done: subprocess.CompletedProcess[str], *named: str) -> str:
    """The one line of a refusal, checked: exit 1, no traceback, naming what it must."""
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines, "nothing said"
    for name in named:
        assert name in done.stderr, (name, done.stderr)
    return lines[0]


def check(folder: Path) -> subprocess.CompletedProcess[str]:
    return kiosk("catalogue", "check", str(folder))


def put(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def replace(folder: Path, name: str, old: str, new: str) -> None:
    text = (folder / name).read_text(encoding="utf-8")
    assert old in text, old
    put(folder, name, text.replace(old, new, 1))


# -- catalogue files -----------------------------------------------------------------------


def test_a_self_referencing_alias_is_refused(catalogue_copy: Path) -> None:
    put(catalogue_copy, SERVICE, "id: loop\nquestions: &q [*q]\n")
    line = refused(check(catalogue_copy), SERVICE, "aliases")
    assert f"{SERVICE}:2:" in line


def test_an_alias_bomb_is_refused_before_it_grows(catalogue_copy: Path) -> None:
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 12)]
    put(catalogue_copy, SERVICE, "\n".join(levels) + "\n")
    refused(check(catalogue_copy), SERVICE, "aliases (*a0)")


def test_deep_nesting_is_refused(catalogue_copy: Path) -> None:
    put(catalogue_copy, SERVICE, "id: [" + "[" * 200_000 + "]" * 200_000 + "]\n")
    refused(check(catalogue_copy), SERVICE, "nest")


def test_nesting_is_bounded_below_the_recursion_limit() -> None:
    deep = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 1)) + "  " * 40 + "v\n"
    with pytest.raises(YamlFileError, match="nested more than"):
        YamlFile.parse("deep.yaml", deep)
    shallow = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH - 1)) + "  " * 40 + "v\n"
    assert YamlFile.parse("ok.yaml", shallow).data


def test_a_duplicate_key_names_both_lines(catalogue_copy: Path) -> None:
    replace(catalogue_copy, SERVICE, "order: ", "order: 5\norder: ")
    text = (catalogue_copy / SERVICE).read_text(encoding="utf-8")
    first = text[: text.index("order: 5")].count("\n") + 1
    line = refused(check(catalogue_copy), SERVICE)
    assert f"key 'order' is given twice, on lines {first} and {first + 1}" in line


def test_a_duplicate_key_in_the_texts_is_refused_too() -> None:
    with pytest.raises(YamlFileError, match=r"ui.yaml:3: key 'a.kk' is given twice, on lines 2"):
        safe_load("a:\n  kk: бір\n  kk: екі\n", "ui.yaml")


def test_a_pipe_named_as_a_catalogue_file_does_not_hang(catalogue_copy: Path) -> None:
    (catalogue_copy / "fees.yaml").unlink()
    os.mkfifo(catalogue_copy / "fees.yaml")
    refused(check(catalogue_copy), "fees.yaml", "pipe")


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("value: 4325", "value: 1000000000000", "mci[3].value"),
        ("value: 4325", "value: 0", "mci[3].value"),
        ("value: 4325", "value: .inf", "mci[3].value"),
        ("value: 4325", "value: 4325.001", "mci[3].value"),
        ("amounts: {major: 3372}", "amounts: {major: -3372}", "fixed_fees[0].rates[0]"),
        ("amounts: {major: 3372}", "amounts: {major: 1e13}", "fixed_fees[0].rates[0]"),
    ],
)
def test_absurd_figures_are_refused(catalogue_copy: Path, old: str, new: str, field: str) -> None:
    replace(catalogue_copy, "fees.yaml", old, new)
    refused(check(catalogue_copy), "fees.yaml", field)


def test_an_absurd_multiple_of_the_mci_is_refused(catalogue_copy: Path) -> None:
    text = (catalogue_copy / SERVICE).read_text(encoding="utf-8")
    assert "mci: 0.2" in text
    put(catalogue_copy, SERVICE, text.replace("mci: 0.2", "mci: 1000000", 1))
    with pytest.raises(CatalogueError, match=r"bill\[0\]\.mci: .*less than or equal to 10000"):
        load_catalogue(catalogue_copy)


def test_too_many_service_files_are_refused(catalogue_copy: Path) -> None:
    source = (catalogue_copy / SERVICE).read_text(encoding="utf-8")
    for number in range(2001):
        put(catalogue_copy, f"services/copy-{number:03}.yaml", source)
    refused(check(catalogue_copy), "more than 2000 service files")


# -- settings --------------------------------------------------------------------------------


def test_an_infinite_idle_time_is_refused(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[timing]\nidle = inf\n", encoding="utf-8")
    refused(kiosk("--settings", str(settings), "--smoke"), "timing.idle", str(settings), "finite")


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "5", "7200"])
def test_idle_time_from_the_environment_is_bounded(value: str) -> None:
    line = refused(kiosk("--smoke", KIOSK_TIMING__IDLE=value), "timing.idle")
    assert "KIOSK_TIMING__IDLE" in line


def test_bad_json_in_a_variable_names_it(tmp_path: Path) -> None:
    line = refused(kiosk("--smoke", KIOSK_TIMING="{idle: 60"), "KIOSK_TIMING", "not valid JSON")
    assert line.startswith("kiosk: setting timing:")
    refused(kiosk("quote", "id-card-restoration", KIOSK_PAYMENTS="[1,"), "KIOSK_PAYMENTS")


def test_a_device_for_the_settings_file_is_refused_at_once() -> None:
    refused(kiosk("--settings", "/dev/zero", "--smoke"), "/dev/zero", "device")


def test_a_huge_settings_file_is_refused(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("# padding\n" * 40_000, encoding="utf-8")
    refused(kiosk("--settings", str(settings), "quote", "id-card-restoration"), "KiB")


def test_a_settings_folder_is_refused(tmp_path: Path) -> None:
    refused(kiosk("--settings", str(tmp_path), "--smoke"), str(tmp_path), "folder")


def test_a_kiosk_with_a_bad_setting_shows_it_is_out_of_order() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--windowed"],
        env=environment(KIOSK_TIMING__IDLE="inf"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()  # said before the notice takes the screen
        assert line.startswith("kiosk: setting timing.idle:") and "KIOSK_TIMING__IDLE" in line
        time.sleep(1.5)
        assert process.poll() is None, "the kiosk exited instead of showing the notice"
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_a_deeply_nested_settings_value_is_refused(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("x = " + "[" * 1000 + "\n", encoding="utf-8")
    line = refused(kiosk("--settings", str(settings), "--smoke"), str(settings))
    assert "line 1 nests more than 32 levels deep" in line
    deep = "[" * 50_000 + "]" * 50_000
    refused(kiosk("--smoke", KIOSK_PAYMENTS=deep), "KIOSK_PAYMENTS nests more than 32 levels")


def test_bad_json_in_a_nested_variable_names_that_variable() -> None:
    line = refused(kiosk("--smoke", KIOSK_CENTRE__NAME='{"kk":"'), "KIOSK_CENTRE__NAME")
    assert line.startswith("kiosk: setting centre.name: KIOSK_CENTRE__NAME is not valid JSON")


def test_a_nul_byte_names_its_line(catalogue_copy: Path) -> None:
    text = (catalogue_copy / SERVICE).read_text(encoding="utf-8")
    put(catalogue_copy, SERVICE, text.replace("order: ", "order: \x00", 1))
    line = text[: text.index("order: ")].count("\n") + 1
    assert f"{SERVICE}:{line}: not valid YAML" in refused(check(catalogue_copy))


def test_many_large_wrong_files_are_reported_briefly(catalogue_copy: Path) -> None:
    body = "".join(f"k{number}: 1\n" for number in range(24_000))  # about 1 MiB each
    for number in range(40):
        put(catalogue_copy, f"services/wrong-{number:02}.yaml", body)
    done = check(catalogue_copy)
    refused(done, "services/wrong-00.yaml", "more problems in this file")
    assert len(done.stderr.splitlines()) <= 80
    smoke = kiosk("--smoke", KIOSK_CATALOGUE=str(catalogue_copy))
    assert "kiosk catalogue check lists them" in refused(smoke)
    assert len(smoke.stderr.strip().splitlines()) == 1  # one line


def test_a_date_that_is_not_a_date_names_its_line(catalogue_copy: Path) -> None:
    text = (catalogue_copy / "fees.yaml").read_text(encoding="utf-8")
    line = text[: text.index("from: 2025-01-01")].count("\n") + 1
    replace(catalogue_copy, "fees.yaml", "from: 2025-01-01", "from: 2025-13-01")
    assert f"fees.yaml:{line}: not a valid value" in refused(check(catalogue_copy))
