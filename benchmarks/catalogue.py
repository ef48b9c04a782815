"""Catalogue scale: generated catalogues of 10, 100 and 1 000 services × 10 questions.

Each generated service is shaped like the real ones: a first question whose answer decides
which later questions are asked and what the duty is, a question that can block, yes/no
questions that only change the documents and messages, an expedite option with a fee by
centre class, a duty line with cases, conditional documents, a warning and a note, all in
three languages. Printed: loading (`load_catalogue`: reading the YAML, validating and
cross-checking; the reading alone in brackets) and checking (`check_catalogue`: every answer
path at every centre class, priced on every pricing date), each the median of three.
Target: 1 000 services checked in ≤ 1 s, growing linearly.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from kiosk.logic.catalogue import load_catalogue
from kiosk.logic.check import check_catalogue
from kiosk.logic.yamlfile import YamlFile
from kiosk.settings import ASSETS

SIZES = (10, 100, 1000)

QUESTIONS = 10
RUNS = 3


def text(words: str) -> dict[str, str]:
    """The same words in each language slot (the size of real texts matters, not the words)."""
    return {"kk": f"{words} (kk)", "ru": f"{words} (ru)", "en": words}


def yes_no(question_id: str, words: str, when: dict[str, Any] | None = None) -> dict[str, Any]:
    question: dict[str, Any] = {
        "id": question_id,
        "text": text(f"Do you have {words}?"),
        "help": text(f"Some help about {words}, a sentence or two long as in the real ones."),
        "options": [{"id": "yes", "label": text("Yes")}, {"id": "no", "label": text("No")}],
    }
    if when is not None:
        question["when"] = when
    return question


def service(index: int) -> dict[str, Any]:
    """One generated service with QUESTIONS questions."""
    reasons = ["expired", "early", "lost", "stolen"]
    questions = [
        {
            "id": "reason",
            "text": text("Why are you here?"),
            "options": [{"id": r, "label": text(f"It was {r}")} for r in reasons],
        },
        yes_no("medical-exam", "a medical examination", {"question": "reason", "in": ["expired"]}),
        yes_no("police-report", "a police report", {"question": "reason", "in": ["stolen"]}),
        *(yes_no(f"detail-{n}", f"detail number {n}") for n in range(1, QUESTIONS - 4)),
        {
            "id": "urgency",
            "text": text("How soon do you need it?"),
            "options": [
                {"id": "standard", "label": text("Standard"), "working_days": 10},
                {
                    "id": "1-day",
                    "label": text("Next day"),
                    "working_days": 1,
                    "fee": "expedite-1-day",
                    "centre_class": ["major"],  # its fee is set for major centres only
                },
            ],
        },
        yes_no("duty-paid-before", "a receipt for the duty paid before"),
    ]
    assert len(questions) == QUESTIONS
    return {
        "id": f"generated-{index:04d}",
        "order": 10 + index,
        "icon": "id-card",
        "title": text(f"Generated service {index}"),
        "summary": text("A generated service shaped like the real ones"),
        "processing": text("15 working days"),
        "working_days": 15,
        "questions": questions,
        "documents": [
            {"id": "id-card", "title": text("ID card"), "note": text("The original")},
            {
                "id": "photo",
                "when": {"question": "detail-1", "in": ["no"]},
                "title": text("Photo"),
                "note": text("3.5 × 4.5 cm"),
                "where": text("A photo studio"),
            },
            {
                "id": "police-report",
                "when": {"question": "police-report", "in": ["yes"]},
                "title": text("Police report"),
                "note": text("The talon"),
            },
        ],
        "bill": [
            {
                "id": "state-duty",
                "payee": "state-budget",
                "label": text("State duty"),
                "mci": "1.25",
                "cases": [
                    {"when": {"question": "duty-paid-before", "in": ["yes"]}, "mci": "0"},
                    {"when": {"question": "reason", "in": ["lost", "stolen"]}, "mci": "2"},
                ],
            },
            {
                "id": "expedite",
                "payee": "state-corporation",
                "label": text("Faster issue"),
                "option_fee": "urgency",
            },
        ],
        "blockers": [
            {
                "id": "medical-exam-required",
                "when": {"question": "medical-exam", "in": ["no"]},
                "title": text("A medical examination first"),
                "text": text("Pass the medical examination, then come back."),
            }
        ],
        "warnings": [
            {
                "id": "detail-warning",
                "when": {"question": "detail-2", "in": ["no"]},
                "text": text("Without detail 2 the application may take longer."),
            }
        ],
        "notes": [{"id": "note", "text": text("Keep the slip until you collect the document.")}],
    }


def generate(folder: Path, services: int) -> None:
    """A catalogue folder: the bundled fee schedule and `services` generated services."""
    (folder / "services").mkdir(parents=True)
    shutil.copy(ASSETS / "fees.yaml", folder / "fees.yaml")
    for index in range(services):
        path = folder / "services" / f"generated-{index:04d}.yaml"
        path.write_text(yaml.safe_dump(service(index), allow_unicode=True), encoding="utf-8")


def main() -> None:
    print("  services   load (of which YAML)   check (walk+price)        paths   check per service")
    per_service = []
    for size in SIZES:
        folder = Path(tempfile.mkdtemp(prefix=f"kiosk-catalogue-{size}-"))
        generate(folder, size)
        reads, loads, checks = [], [], []
        for _ in range(RUNS):
            start = time.perf_counter()
            for path in sorted((folder / "services").glob("*.yaml")):
                YamlFile.read(path, root=folder)
            reads.append(time.perf_counter() - start)
            start = time.perf_counter()
            catalogue = load_catalogue(folder)
            loads.append(time.perf_counter() - start)
            start = time.perf_counter()
            report = check_catalogue(catalogue)
            checks.append(time.perf_counter() - start)
            assert report.ok, report.problems[:3]
        read, load, check = (statistics.median(x) for x in (reads, loads, checks))
        per_service.append(check / size)
        print(
            f"  {size:8d}  {load * 1000:7.0f} ms ({read * 1000:5.0f} ms)"
            f"  {check * 1000:15.0f} ms  {report.paths:11d}  {check / size * 1000:10.2f} ms"
        )
        shutil.rmtree(folder)
    growth = per_service[-1] / per_service[0]
    print(f"  check time per service, 1 000 vs 10 services: {growth:.2f}× (1 = linear)")
    print("  target: 1 000 services checked in ≤ 1 s")
