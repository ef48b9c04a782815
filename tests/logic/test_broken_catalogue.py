"""Each kind of broken catalogue gives an error naming the file, the field and the line."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kiosk.logic.catalogue import CatalogueError, load_catalogue
from kiosk.logic.check import check_folder

SERVICE = "services/id-card-restoration.yaml"


def edit(folder: Path, name: str, old: str, new: str, count: int = 1) -> int:
    """Replace `old` by `new` in a catalogue file; return the line of the first change."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def problems(folder: Path) -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder)
    return [str(p) for p in caught.value.problems]


def test_shipped_catalogue_is_sound(catalogue_copy: Path) -> None:
    report = check_folder(catalogue_copy)
    assert report.ok, report.problems
    assert report.services == 2 and report.blocked > 0 and report.complete > 0


def test_bad_yaml_names_file_and_line(catalogue_copy: Path) -> None:
    line = edit(catalogue_copy, SERVICE, "  - id: stolen\n", "  - id: [stolen\n")
    [message] = problems(catalogue_copy)
    assert message.startswith(f"catalogue/{SERVICE}:")
    assert "not valid YAML" in message
    reported = int(re.match(r".*?:(\d+):", message).group(1))
    assert line <= reported <= line + 2


def test_missing_field(catalogue_copy: Path) -> None:
    line = edit(
        catalogue_copy,
        SERVICE,
        "    text:\n      kk: Жеке куәлікке не болды?\n",
        "    texts:\n      kk: Жеке куәлікке не болды?\n",
    )
    found = problems(catalogue_copy)
    assert f"catalogue/{SERVICE}:{line - 1}: questions[0].text: Field required" in found
    assert (
        f"catalogue/{SERVICE}:{line}: questions[0].texts: Extra inputs are not permitted" in found
    )


def test_missing_translation(catalogue_copy: Path) -> None:
    line = edit(catalogue_copy, SERVICE, "      en: What happened to your ID card?\n", "")
    [message] = problems(catalogue_copy)
    assert message == f"catalogue/{SERVICE}:{line - 3}: questions[0].text.en: Field required"


def test_wrong_type(catalogue_copy: Path) -> None:
    line = edit(catalogue_copy, SERVICE, "working_days: 15\n", "working_days: fifteen\n")
    [message] = problems(catalogue_copy)
    assert message.startswith(f"catalogue/{SERVICE}:{line}: working_days: Input should be")


def test_unknown_option_in_a_condition(catalogue_copy: Path) -> None:
    line = edit(
        catalogue_copy,
        SERVICE,
        "when: {question: circumstance, in: [stolen]}",
        "when: {question: circumstance, in: [stolenn]}",
    )
    [message] = problems(catalogue_copy)
    assert message == (
        f"catalogue/{SERVICE}:{line}: questions[1].when: "
        "question 'circumstance' has no option 'stolenn'"
    )


def test_condition_on_unknown_question(catalogue_copy: Path) -> None:
    line = edit(
        catalogue_copy,
        SERVICE,
        "when: {question: duty-exemption, in: ['yes']}",
        "when: {question: duty-exemptions, in: ['yes']}",
    )
    [message] = problems(catalogue_copy)
    assert message == (
        f"catalogue/{SERVICE}:{line}: documents[2].when: "
        "condition on unknown question 'duty-exemptions'"
    )


def test_condition_on_a_later_question(catalogue_copy: Path) -> None:
    edit(
        catalogue_copy,
        SERVICE,
        "when: {question: circumstance, in: [stolen]}",
        "when: {question: urgency, in: [standard]}",
    )
    [message] = problems(catalogue_copy)
    assert (
        "questions[1].when: condition on question 'urgency', which is not asked before" in message
    )


def test_malformed_condition(catalogue_copy: Path) -> None:
    line = edit(
        catalogue_copy,
        SERVICE,
        "when: {question: circumstance, in: [stolen]}",
        "when: circumstance == 'stolen'",
    )
    [message] = problems(catalogue_copy)
    assert message.startswith(f"catalogue/{SERVICE}:{line}: questions[1].when: a condition is")


def test_unknown_fee_and_payee(catalogue_copy: Path) -> None:
    fee_line = edit(catalogue_copy, SERVICE, "fee: expedite-1-day", "fee: expedite-2-days")
    payee_line = edit(catalogue_copy, SERVICE, "payee: state-budget", "payee: the-treasury")
    found = problems(catalogue_copy)
    assert (
        f"catalogue/{SERVICE}:{fee_line}: questions[6].options[1].fee: "
        "unknown fee 'expedite-2-days'" in found
    )
    assert f"catalogue/{SERVICE}:{payee_line}: bill[0].payee: unknown payee 'the-treasury'" in found


def test_duplicate_id(catalogue_copy: Path) -> None:
    edit(
        catalogue_copy,
        SERVICE,
        "  - id: foreign-passport\n    text:",
        "  - id: duty-exemption\n    text:",
    )
    found = problems(catalogue_copy)
    assert any(
        "questions[4].id: id 'duty-exemption' is used twice in questions" in p for p in found
    )


def test_placeholder_without_amount(catalogue_copy: Path) -> None:
    edit(catalogue_copy, SERVICE, "7 MCI ({fine})", "7 MCI ({fines})")
    [message] = problems(catalogue_copy)
    assert "warnings[1].text.en: placeholder {fines} has no entry in amounts" in message


def test_fee_schedule_problems_name_fees_yaml(catalogue_copy: Path) -> None:
    line = edit(catalogue_copy, "fees.yaml", "value: 4325", "value: -4325")
    [message] = problems(catalogue_copy)
    assert message.startswith(f"catalogue/fees.yaml:{line}: mci[3].value:")


def test_check_finds_a_dead_end(catalogue_copy: Path) -> None:
    # Take the standard option away from district centres: they keep only 7-days ... then
    # take that away too, and the urgency question offers them nothing.
    edit(
        catalogue_copy,
        SERVICE,
        "        working_days: 15\n",
        "        working_days: 15\n        centre_class: [major, regional]\n",
    )
    edit(catalogue_copy, SERVICE, "centre_class: [district]", "centre_class: [regional]")
    report = check_folder(catalogue_copy)
    assert not report.ok
    problem = next(p for p in report.problems if "district" in p.message)
    assert problem.file == f"catalogue/{SERVICE}"
    assert problem.path == "questions[6].options"
    assert "no option is offered at district centres" in problem.message
    assert "ends with neither a complete quote nor a blocker" in problem.message


def test_check_finds_a_year_that_cannot_price_a_path(catalogue_copy: Path) -> None:
    edit(catalogue_copy, "fees.yaml", "amounts: {district: 678}", "amounts: {regional: 678}")
    report = check_folder(catalogue_copy)
    assert not report.ok
    [problem] = report.problems
    assert "fixed fee 'expedite-7-days' has no amount for district centres" in problem.message
    assert problem.path == "questions[6].options[4].fee"
    assert problem.line is not None


def test_check_finds_a_fee_starting_too_late(catalogue_copy: Path) -> None:
    edit(
        catalogue_copy,
        "fees.yaml",
        "- from: 2025-01-01\n        amounts: {major: 3372}",
        "- from: 2026-06-01\n        amounts: {major: 3372}",
    )
    report = check_folder(catalogue_copy, today=date(2026, 3, 2))
    assert any("no rate in force on 2026-03-02" in p.message for p in report.problems)
    # Checked once the fee has started, the days before it are past: no visit can come then.
    assert check_folder(catalogue_copy, today=date(2026, 6, 2)).ok


def test_check_warns_of_fees_more_than_a_year_old(catalogue_copy: Path) -> None:
    fresh = check_folder(catalogue_copy, today=date(2025, 12, 31))
    assert fresh.ok and not fresh.warnings
    old = check_folder(catalogue_copy, today=date(2026, 1, 2))
    assert old.ok  # a warning, not a failure
    assert [w.path for w in old.warnings] == [f"fixed_fees[{i}].rates" for i in range(4)]
    assert "date from 2025-01-01, more than a year before 2026-01-02" in old.warnings[0].message


def test_missing_services_folder(tmp_path: Path) -> None:
    (tmp_path / "fees.yaml").write_text("mci: []\n")
    found = problems(tmp_path)
    assert any("there is no services/ folder" in p for p in found)
    assert any("fees.yaml" in p and "mci" in p for p in found)


def test_stray_brace_in_a_message(catalogue_copy: Path) -> None:
    line = edit(catalogue_copy, SERVICE, "(the public service centre): it", "(the centre): {it")
    [message] = problems(catalogue_copy)
    assert "warnings[3].text.en: not a valid text" in message
    assert message.startswith(f"catalogue/{SERVICE}:")
    assert line > 0


def test_a_pipe_for_a_catalogue_file_is_refused_at_once(catalogue_copy: Path) -> None:
    import os
    import subprocess
    import sys

    fees = catalogue_copy / "fees.yaml"
    fees.unlink()
    os.mkfifo(fees)  # nobody ever writes to it: reading it would wait for ever
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "catalogue", "check", str(catalogue_copy)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 1
    assert "fees.yaml" in done.stderr and "pipe" in done.stderr


def test_a_folder_for_a_service_file_is_refused(catalogue_copy: Path) -> None:
    (catalogue_copy / "services" / "extra.yaml").mkdir()
    [message] = problems(catalogue_copy)
    assert "extra.yaml" in message and "folder" in message


def test_a_catalogue_file_over_a_mebibyte_is_refused(catalogue_copy: Path) -> None:
    fees = catalogue_copy / "fees.yaml"
    fees.write_text(fees.read_text(encoding="utf-8") + "#" * (1 << 20), encoding="utf-8")
    [message] = problems(catalogue_copy)
    assert "fees.yaml" in message and "too large" in message
