"""Bad input, generated: never an uncaught exception, always an error that names the place."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.logic.catalogue import CatalogueError, load_catalogue
from kiosk.logic.payment import PayloadError, parse_payload
from kiosk.settings import ASSETS, SettingsError, load_settings

SERVICE = (ASSETS / "services" / "id-card-restoration.yaml").read_text(encoding="utf-8")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789ABCDEFabc6304 \u00e9Қ", max_size=300))
def test_payload_parser_never_crashes(text: str) -> None:
    with contextlib.suppress(PayloadError):  # its own errors are the point; nothing else
        parse_payload(text)


@st.composite
def mutated(draw: st.DrawFn, original: str) -> str:
    """The file with a few lines deleted, duplicated, cut short or given stray characters."""
    lines = original.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "truncate", "insert"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "truncate":
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
        else:
            lines[index] += draw(st.sampled_from([":", " [", "{", " - x", "\t", " &a", " *b", "'"]))
        if not lines:
            lines = [""]
    return "\n".join(lines) + "\n"


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=mutated(SERVICE))
def test_mutated_catalogue_is_loaded_or_named(tmp_path: Path, text: str) -> None:
    folder = tmp_path / "catalogue"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "services").mkdir(parents=True)
    shutil.copy(ASSETS / "fees.yaml", folder)
    (folder / "services" / "id-card-restoration.yaml").write_text(text, encoding="utf-8")
    try:
        load_catalogue(folder)
    except CatalogueError as error:
        for problem in error.problems:
            assert problem.file.endswith(".yaml")
            assert problem.message


EXAMPLE = (Path(__file__).parents[2] / "assets" / "settings.example.toml").read_text("utf-8")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=mutated(EXAMPLE))
def test_mutated_settings_are_loaded_or_named(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    try:
        load_settings(path)
    except SettingsError as error:
        message = str(error)
        assert "settings" in message or "setting " in message
        assert str(path) in message
