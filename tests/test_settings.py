"""Settings: defaults, the TOML file, KIOSK_* variables, and errors naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings import SettingsError, load_settings


def test_defaults_are_a_demo_centre_in_astana() -> None:
    settings = load_settings()
    assert settings.centre.city == "Astana"
    assert settings.centre.centre_class == "major"
    assert "демо" in settings.centre.name.ru
    assert settings.default_language == "kk"


def test_file_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'kiosk_id = "K07"\n[centre]\ncity = "Kosshy"\ncentre_class = "district"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert (settings.kiosk_id, settings.centre.city, settings.centre.centre_class) == (
        "K07",
        "Kosshy",
        "district",
    )
    monkeypatch.setenv("KIOSK_CENTRE__CENTRE_CLASS", "regional")
    assert load_settings(path).centre.centre_class == "regional"


def test_default_file_is_read_from_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "elsewhere.toml"
    path.write_text('default_language = "ru"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_SETTINGS_FILE", str(path))
    assert load_settings().default_language == "ru"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('default_language = "de"\n', "default_language"),
        ('kiosk_id = "no spaces please"\n', "kiosk_id"),
        ("[centre]\ncentre_class = 3\n", "centre.centre_class"),
        ('colour = "blue"\n', "colour"),
        ("[speech]\nheadphones_only = true\n", "speech.headphones_device"),
        ("[speech]\nrate = 1000\n", "speech.rate"),
    ],
)
def test_bad_value_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=rf"setting {key}: .*{path.name}"):
        load_settings(path)


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("kiosk_id = \n", encoding="utf-8")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings(path)
    with pytest.raises(SettingsError, match="does not exist"):
        load_settings(tmp_path / "missing.toml")


def test_the_documented_example_file_loads() -> None:
    example = Path(__file__).parents[1] / "assets" / "settings.example.toml"
    settings = load_settings(example)
    assert settings.printer.backend == "pdf" and settings.timing.idle == 60
    assert settings.centre.centre_class == "major"


def test_printer_settings_name_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[printer]\nbackend = "system"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"setting printer: .*name is needed"):
        load_settings(path)
    path.write_text('[printer.escpos]\nconnection = "network"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"printer\.escpos: .*host is needed"):
        load_settings(path)


def test_default_language_must_be_enabled(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('languages = ["ru", "en"]\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="default_language 'kk' is not one of languages"):
        load_settings(path)


def test_a_settings_file_named_by_the_environment_must_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_SETTINGS_FILE", str(tmp_path / "missing.toml"))
    with pytest.raises(SettingsError, match=r"missing\.toml does not exist"):
        load_settings()


def test_headphones_only_speaks_on_the_headphone_socket_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        '[speech]\ndevice = "default"\nheadphones_only = true\n'
        'headphones_device = "plughw:CARD=PCH,DEV=0"\n',
        encoding="utf-8",
    )
    assert load_settings(path).speech.output == "plughw:CARD=PCH,DEV=0"
    assert load_settings().speech.output == "default"
