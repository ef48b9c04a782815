"""Kiosk settings: a TOML file (`--settings FILE`, else the platform config folder) and
`KIOSK_*` environment variables, which win over the file (nested keys with `__`:
`KIOSK_CENTRE__CENTRE_CLASS=regional`). Every value has a default: a demo centre in Astana.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from kiosk.logic.conditions import CentreClass
from kiosk.logic.i18n import Language, LocalText
from kiosk.logic.payment import PaymentProfile
from kiosk.logic.yamlfile import YamlFileError, read_text
from kiosk.places import APP_NAME as APP_NAME
from kiosk.places import ASSETS as ASSETS
from kiosk.places import SETTINGS_FILE_VARIABLE as SETTINGS_FILE_VARIABLE
from kiosk.places import SETTINGS_LIMIT, default_data_folder
from kiosk.places import default_settings_file as default_settings_file

DEMO_PAYMENTS = ASSETS / "demo-payments.toml"


class SettingsError(Exception):
    """A setting is missing or wrong; the message names the key and the file."""


def demo_payment_profiles() -> dict[str, PaymentProfile]:
    """The shipped demo profiles: used until an operator configures real accounts."""
    data = tomllib.loads(DEMO_PAYMENTS.read_text(encoding="utf-8"))
    return {payee: PaymentProfile.model_validate(profile) for payee, profile in data.items()}


class Centre(BaseModel):
    """The public service centre the kiosk stands in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: LocalText = LocalText(
        kk="Астана қ. ХҚКО (демо)",
        ru="ЦОН г. Астаны (демо)",
        en="Astana Public Service Centre (demo)",
    )
    city: str = Field(default="Astana", min_length=1)
    centre_class: CentreClass = "major"


def _seconds(default: float, least: float, most: float) -> Any:
    """A finite number of seconds, more than 0 and at most `most`; an operator's file or
    environment must also give at least `least` (tests may go below it, in milliseconds)."""
    return Field(default=default, gt=0, le=most, json_schema_extra={"least": least})


class Timing(BaseModel):
    """Seconds the kiosk waits (floats, so tests can use milliseconds)."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    idle: float = _seconds(60, 10, 3600)
    idle_result: float = _seconds(120, 10, 3600)
    countdown: float = _seconds(20, 5, 600)
    thanks: float = _seconds(15, 3, 600)
    long_press: float = _seconds(3, 1, 30)  # on the logo, to open the staff PIN pad
    attendant_idle: float = _seconds(120, 30, 3600)  # staff are logged out after this
    # A tap this soon after the screen changed does nothing: the second tap of a quick
    # double tap must not answer the next question or print unseen.
    tap_guard: float = Field(default=0.35, ge=0, le=2)

    def too_short(self) -> list[str]:
        """Problems with values below what an operator may set, as `key: message`."""
        found = []
        for name, info in type(self).model_fields.items():
            extra = info.json_schema_extra
            least = extra.get("least") if isinstance(extra, dict) else None
            if isinstance(least, int | float) and getattr(self, name) < least:
                found.append(
                    f"timing.{name}: at least {least:g} seconds, not {getattr(self, name):g}"
                )
        return found


class EscposPrinter(BaseModel):
    """A thermal printer spoken to in ESC/POS."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    connection: Literal["usb", "network", "serial", "file"] = "file"
    device: str = "/dev/usb/lp0"  # connection = file
    host: str = ""  # connection = network
    port: int = Field(default=9100, ge=1, le=65535)
    usb_vendor: int = Field(default=0, ge=0, le=0xFFFF)  # connection = usb
    usb_product: int = Field(default=0, ge=0, le=0xFFFF)
    serial_port: str = "/dev/ttyUSB0"  # connection = serial
    baudrate: int = Field(default=19200, gt=0, le=4_000_000)
    profile: str = "default"  # python-escpos printer profile
    dots_per_line: int = Field(default=576, ge=256, le=1024)  # 576 dots = 72 mm at 203 dpi
    native_qr: bool = False  # the printer draws QR codes itself (GS ( k)
    kazakh_codepage: bool = False  # the printer has code page 53, RK1048 (Kazakh letters)

    @model_validator(mode="after")
    def _connection_complete(self) -> EscposPrinter:
        if self.connection == "network" and not self.host:
            raise ValueError("host is needed for a network printer")
        if self.connection == "usb" and not (self.usb_vendor and self.usb_product):
            raise ValueError("usb_vendor and usb_product are needed for a USB printer")
        return self


class Printer(BaseModel):
    """Which printer the slips go to and on what paper."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    backend: Literal["pdf", "system", "escpos"] = "pdf"
    paper: Literal["80mm", "a4"] = "80mm"
    folder: Path | None = None  # pdf: where slips are written (default: data folder/slips)
    name: str = ""  # system: the printer's name as the operating system knows it
    cups_server: str | None = None  # system: CUPS as "host:port" or a socket (None: the system's)
    timeout: float = Field(default=5.0, gt=0, le=120)  # seconds to connect, and to print
    escpos: EscposPrinter = EscposPrinter()

    @model_validator(mode="after")
    def _named(self) -> Printer:
        if self.backend == "system" and not self.name:
            raise ValueError("name is needed for the system printer back end")
        return self


class Privacy(BaseModel):
    """How long what a visitor printed is kept: slip files and the reprint archive."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    slip_retention_hours: float = Field(default=24, gt=0, le=24 * 31)


class Logging(BaseModel):
    """The log: `kiosk.log` in the data folder (rotated) and stderr."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    file_bytes: int = Field(default=2_000_000, ge=100_000, le=100_000_000)  # then rotated
    files: int = Field(default=5, ge=1, le=50)  # rotated files kept


class Speech(BaseModel):
    """Audio mode's voice: the ALSA device it plays on, how fast and how loud it speaks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    device: str = Field(default="default", min_length=1, max_length=200)
    rate: int = Field(default=160, ge=80, le=450)  # words a minute
    volume: int = Field(default=100, ge=0, le=200)  # the engine's: 100 is as recorded
    # The speaker stays silent: the voice plays only on `headphones_device`, the socket a
    # visitor plugs headphones into (an ALSA device such as plughw:CARD=PCH,DEV=0).
    headphones_only: bool = False
    headphones_device: str = Field(default="", max_length=200, validate_default=True)

    @field_validator("headphones_device")
    @classmethod
    def _headphones_named(cls, device: str, info: ValidationInfo) -> str:
        if info.data.get("headphones_only") and not device:
            raise ValueError("the headphone socket's ALSA device is needed: headphones_only is on")
        return device

    @property
    def output(self) -> str:
        """The ALSA device the voice plays on."""
        return self.headphones_device if self.headphones_only else self.device


class Settings(BaseModel):
    """Everything an operator can set. Defaults run a demo kiosk on the bundled catalogue."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    kiosk_id: str = Field(default="K01", pattern=r"^[A-Za-z0-9-]{1,16}$")
    centre: Centre = Centre()
    default_language: Language = "kk"
    languages: tuple[Language, ...] = Field(default=("kk", "ru", "en"), min_length=1)
    timing: Timing = Timing()
    printer: Printer = Printer()
    privacy: Privacy = Privacy()
    logging: Logging = Logging()
    speech: Speech = Speech()
    catalogue: Path = ASSETS
    data_folder: Path = Field(default_factory=default_data_folder)
    payments: dict[str, PaymentProfile] = Field(default_factory=demo_payment_profiles)

    @model_validator(mode="after")
    def _default_is_enabled(self) -> Settings:
        if self.default_language not in self.languages:
            raise ValueError(
                f"default_language {self.default_language!r} is not one of languages "
                f"{list(self.languages)}"
            )
        return self

    def check_payees(self, payees: set[str]) -> None:
        """Every payee the catalogue bills for needs a payment profile; say which lacks one."""
        missing = sorted(payees - set(self.payments))
        if missing:
            raise SettingsError(
                f"setting payments.{missing[0]}: no payment profile for payee {missing[0]!r}, "
                "which the catalogue bills for"
            )


ENV_PREFIX = "KIOSK_"


def environment_values() -> dict[str, Any]:
    """The settings the environment gives, as nested values: `KIOSK_CENTRE__NAME__KK` is
    centre.name.kk (`__` between keys, any case); a key whose value is a table or a list
    (KIOSK_LANGUAGES, KIOSK_TIMING, KIOSK_CENTRE__NAME) takes JSON, merged under the keys
    set one by one. Variables that name no setting (KIOSK_SETTINGS_FILE) are not settings.
    Raises SettingsError naming the variable for JSON that does not parse."""
    found: list[tuple[list[str], str, str]] = []
    for name, raw in os.environ.items():
        if not name.upper().startswith(ENV_PREFIX):
            continue
        keys = name[len(ENV_PREFIX) :].lower().split("__")
        if keys[0] in Settings.model_fields:
            found.append((keys, name, raw))
    values: dict[str, Any] = {}
    for keys, name, raw in sorted(found, key=lambda item: len(item[0])):  # tables first
        value: Any = raw
        if _takes_json(keys):
            try:
                value = json.loads(raw)
            except ValueError as error:
                key = ".".join(keys)
                raise SettingsError(f"setting {key}: {name} is not valid JSON: {error}") from None
        place = values
        for key in keys[:-1]:
            inner = place.get(key)
            place = place.setdefault(key, {}) if not isinstance(inner, dict) else inner
            if not isinstance(place, dict):
                break
        else:
            if isinstance(place.get(keys[-1]), dict) and isinstance(value, dict):
                place[keys[-1]] = _merged(place[keys[-1]], value)
            else:
                place[keys[-1]] = value
    return values


def _takes_json(keys: list[str]) -> bool:
    """Whether the setting at `keys` is a table or a list (its variable holds JSON)."""
    annotation: Any = Settings
    for key in keys:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(key)
            if field is None:
                return False  # not a setting: refused by the model, naming it
            annotation = field.annotation
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        else:
            return False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return get_origin(annotation) in (dict, list, tuple, set, frozenset)


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` on top of `base`, tables merged key by key."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_settings(path: Path | None = None) -> Settings:
    """Read settings from `path` (or the default file, if it exists) and the environment.

    Anything wrong is one SettingsError naming the file or variable and the key: a file
    that is not a regular file or is larger than 256 KiB, TOML that does not parse, a value
    out of range, JSON in a `KIOSK_*` variable that does not parse.
    """
    # A file named on the command line or by KIOSK_SETTINGS_FILE must be there: a missing
    # one is an error, never a silent demo kiosk. The platform's default file may be absent.
    named = path is not None or bool(os.environ.get(SETTINGS_FILE_VARIABLE))
    path = path or default_settings_file()
    values: dict[str, Any] = {}
    if named or path.exists():
        try:
            text = read_text(path, f"settings file {path}", SETTINGS_LIMIT)
        except YamlFileError as error:
            raise SettingsError(str(error).replace(": file not found", " does not exist")) from None
        line = _too_deep(text)
        if line:
            raise SettingsError(
                f"settings file {path}: line {line} nests more than {MAX_NESTING} levels deep"
            )
        try:
            values = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise SettingsError(f"settings file {path} is not valid TOML: {error}") from None
    for name, value in os.environ.items():
        if name.upper().startswith("KIOSK_") and _too_deep(value):
            raise SettingsError(f"{name} nests more than {MAX_NESTING} levels deep")
    # The environment wins over the file.
    values = _merged(values, environment_values())
    try:
        settings = Settings(**values)
    except ValidationError as error:
        lines = []
        for details in error.errors():
            parts = [str(part) for part in details["loc"]]
            lines.append(
                f"setting {'.'.join(parts)}: {details['msg']}{_source(parts, values, path)}"
            )
        raise SettingsError("; ".join(lines)) from None
    problems = settings.timing.too_short()
    if problems:
        where = [
            f"setting {problem}{_source(problem.split(':')[0].split('.'), values, path)}"
            for problem in problems
        ]
        raise SettingsError("; ".join(where))
    return settings


MAX_NESTING = 32  # brackets within brackets: a settings value is a few levels deep


def _too_deep(text: str) -> int:
    """The line where brackets nest more than MAX_NESTING deep (outside quotes), or 0: such
    a value would exhaust the parser's recursion."""
    depth, line, quote = 0, 1, ""
    for char in text:
        if char == "\n":
            line += 1
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
    return 0


def _variable(parts: list[str]) -> str | None:
    """The KIOSK_* variable that sets this key (or a key above it), if one does."""
    names = {name.upper(): name for name in os.environ if name.upper().startswith("KIOSK_")}
    for end in range(len(parts), 0, -1):
        name = "KIOSK_" + "__".join(parts[:end]).upper()
        if name in names:
            return names[name]
    return None


def _source(parts: list[str], values: dict[str, Any], path: Path) -> str:
    """Where a key's value came from: ` (from KIOSK_X)`, ` (in FILE)` or nothing."""
    variable = _variable(parts)
    if variable:
        return f" (from {variable})"
    return f" (in {path})" if values else ""
