"""The check's walk shares the work of paths that differ only in answers deciding nothing;
its counts and findings must be those of walking every path one by one."""

from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.catalogue import generate, service
from kiosk.logic.catalogue import Catalogue, load_catalogue
from kiosk.logic.check import check_catalogue, deciding_questions
from kiosk.logic.conditions import CENTRE_CLASSES
from kiosk.logic.interview import active_blockers, answer_paths, is_complete


def every_path_counted(catalogue: Catalogue) -> tuple[int, int, int]:
    paths = complete = blocked = 0
    for item in catalogue.services.values():
        for centre_class in CENTRE_CLASSES:
            for answers in answer_paths(item, centre_class):
                paths += 1
                complete += is_complete(item, answers, centre_class)
                blocked += bool(active_blockers(item, answers, centre_class))
    return paths, complete, blocked


def test_counts_equal_walking_every_path_one_by_one(catalogue: Catalogue, tmp_path: Path) -> None:
    generate(tmp_path / "generated", 3)
    for each in (catalogue, load_catalogue(tmp_path / "generated")):
        report = check_catalogue(each)
        assert report.ok, report.problems
        assert (report.paths, report.complete, report.blocked) == every_path_counted(each)


def test_the_deciding_questions_of_a_generated_service(tmp_path: Path) -> None:
    generate(tmp_path / "one", 1)
    (item,) = load_catalogue(tmp_path / "one").services.values()
    # Asked-or-not, blocking and the bill depend on these; the "detail" questions only
    # change documents and warnings.
    assert deciding_questions(item) == {"reason", "medical-exam", "urgency", "duty-paid-before"}


def test_a_fault_behind_answers_that_decide_nothing_is_still_found(tmp_path: Path) -> None:
    generate(tmp_path / "broken", 1)
    data = service(0)
    data["bill"].append(  # a fee set for major centres only, reached after every detail
        {
            "id": "extra",
            "payee": "state-corporation",
            "label": {"kk": "x", "ru": "x", "en": "x"},
            "mci": "1",
            "cases": [
                {"when": {"question": "duty-paid-before", "in": ["no"]}, "fee": "expedite-3-days"}
            ],
        }
    )
    path = tmp_path / "broken" / "services" / "generated-0000.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = check_catalogue(load_catalogue(tmp_path / "broken"))
    path_shown = (
        "{reason=expired, medical-exam=yes, detail-1=yes, detail-2=yes, detail-3=yes, "
        "detail-4=yes, detail-5=yes, urgency=standard, duty-paid-before=no}"
    )
    assert [p.message for p in report.problems] == [
        f"cannot price {path_shown} at a {centre} centre on 2025-01-01: fixed fee "
        f"'expedite-3-days' has no amount for {centre} centres"
        for centre in ("district",)  # its rates name major and regional centres
    ]
    assert {p.path for p in report.problems} == {"bill[2].cases[0].fee"}
