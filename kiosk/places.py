"""Where the kiosk's files are: the shipped assets, the settings file, the data folder.

Light on purpose (no settings models): the first screen is found with it before the
settings are validated.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

APP_NAME = "kiosk"
SETTINGS_FILE_VARIABLE = "KIOSK_SETTINGS_FILE"
DATA_FOLDER_VARIABLE = "KIOSK_DATA_FOLDER"
JOURNAL_FILE = "journal.sqlite3"  # in the data folder
SETTINGS_LIMIT = 256 * 1024  # bytes: a settings file is a page of TOML


def _assets() -> Path:
    """The shipped assets: inside the installed package (the build puts them there), else
    the checkout's top-level assets/ (an editable install, or running from the source)."""
    packaged = Path(__file__).resolve().parent / "assets"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "assets"


ASSETS = _assets()


def default_data_folder() -> Path:
    """The platform's data folder for the kiosk (~/.local/share/kiosk on Linux)."""
    import platformdirs  # only when no folder is named

    return Path(platformdirs.user_data_dir(APP_NAME))


def default_settings_file() -> Path:
    """Where the settings file is looked for when none is named."""
    named = os.environ.get(SETTINGS_FILE_VARIABLE)
    if named:
        return Path(named)
    import platformdirs  # only when no file is named

    return Path(platformdirs.user_config_dir(APP_NAME)) / "settings.toml"


def data_folder_named(settings_file: Path | None, *, default: bool = True) -> Path | None:
    """The data folder the environment or the settings file names (else the default one,
    unless not `default`), read without checking anything else (None when the file cannot
    be read): where to look for what the last validated start left. The settings' own
    validation decides where the kiosk works."""
    named = os.environ.get(DATA_FOLDER_VARIABLE)
    if named:
        return Path(named)
    import tomllib  # only when the environment does not name the folder

    path = settings_file or default_settings_file()
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None  # a device or a folder: the settings' own reading refuses it
        with path.open("rb") as file:
            text = file.read(SETTINGS_LIMIT + 1)
        if len(text) > SETTINGS_LIMIT:
            return None
        values = tomllib.loads(text.decode("utf-8"))
    except FileNotFoundError:
        return None if settings_file is not None or not default else default_data_folder()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    folder = values.get("data_folder", default_data_folder() if default else None)
    return Path(folder) if isinstance(folder, str | Path) else None
