"""Kiosk settings: a TOML file (`--settings FILE`, else the platform config folder) and
`KIOSK_*` environment variables, which win over the file (nested keys with `__`:
`KIOSK_CENTRE__CENTRE_CLASS=regional`). Every value has a default: a demo centre in Astana.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

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
from kiosk.settings_env import (
    MAX_NESTING,
    EnvironmentValueError,
    merged,
    source,
    too_deep,
)
from kiosk.settings_env import environment_values as environment_values

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


class Fleet(BaseModel):
    """The optional link to a central PostgreSQL: events through the journal's outbox, a
    heartbeat, catalogue versions. Without `url` the kiosk runs alone."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    url: str | None = Field(default=None, min_length=1, max_length=1000)
    heartbeat: float = _seconds(30.0, 5.0, 600.0)  # seconds between heartbeats
    # Staff are warned when this many events wait in the outbox (the link is down).
    outbox_warning: int = Field(default=5000, ge=10, le=10_000_000)


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
    fleet: Fleet = Fleet()
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
        line = too_deep(text)
        if line:
            raise SettingsError(
                f"settings file {path}: line {line} nests more than {MAX_NESTING} levels deep"
            )
        try:
            values = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise SettingsError(f"settings file {path} is not valid TOML: {error}") from None
    for name, value in os.environ.items():
        if name.upper().startswith("KIOSK_") and too_deep(value):
            raise SettingsError(f"{name} nests more than {MAX_NESTING} levels deep")
    # The environment wins over the file.
    try:
        values = merged(values, environment_values(Settings))
    except EnvironmentValueError as error:
        raise SettingsError(str(error)) from None
    try:
        settings = Settings(**values)
    except ValidationError as error:
        lines = []
        for details in error.errors():
            parts = [str(part) for part in details["loc"]]
            lines.append(
                f"setting {'.'.join(parts)}: {details['msg']}{source(parts, values, path)}"
            )
        raise SettingsError("; ".join(lines)) from None
    problems = settings.timing.too_short()
    if problems:
        where = [
            f"setting {problem}{source(problem.split(':')[0].split('.'), values, path)}"
            for problem in problems
        ]
        raise SettingsError("; ".join(where))
    return settings
