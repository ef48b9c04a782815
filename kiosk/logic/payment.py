"""EMVCo merchant-presented QR payloads: build, parse, CRC.

A payload is a string of TLV fields: a two-digit tag, a two-digit length counted in
characters, and the value. Tag 63 comes last and holds CRC-16/CCITT-FALSE (polynomial
0x1021, initial 0xFFFF) over the UTF-8 bytes of everything before its value, "6304"
included, as four upper-case hex digits.

The payee's details come from a payment profile in settings, never from code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from kiosk.logic.i18n import amount_text

CRC_TAG = "63"
# Tags every payload in use carries (some national schemes, PromptPay among them, leave out
# 52, 59 and 60, which EMVCo makes mandatory); `strict` parsing asks for EMVCo's full set.
MANDATORY_TAGS = ("00", "53", "58", "63")
STRICT_TAGS = ("00", "52", "53", "58", "59", "60", "63")
MERCHANT_ACCOUNT_TAG = "26"
TEMPLATE_TAGS = frozenset({*(f"{tag:02d}" for tag in range(26, 52)), "62", "64"})
_MERCHANT_ACCOUNTS = frozenset(f"{tag:02d}" for tag in range(2, 52))

Latin = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9 .,'\"()/&+-]+$")]


class PayloadError(ValueError):
    """A payload that is not a valid EMVCo merchant-presented QR."""


class CrcMismatch(PayloadError):
    """The CRC in tag 63 does not match the payload."""


class TruncatedTlv(PayloadError):
    """The payload ends inside a tag or length."""


class LengthOverrun(PayloadError):
    """A field's length runs past the end of the payload or its template."""


class DuplicateTag(PayloadError):
    """A tag occurs twice at the same level."""


class MissingTag(PayloadError):
    """A mandatory tag is missing, or tag 63 is not last."""


class MalformedTlv(PayloadError):
    """A tag or length is not two digits."""


def crc16(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def crc_text(body: str) -> str:
    """The CRC of `body` (which ends with "6304") as four upper-case hex digits."""
    return f"{crc16(body.encode('utf-8')):04X}"


def tlv(tag: str, value: str) -> str:
    """One field; the length counts characters and must fit two digits."""
    if not (len(tag) == 2 and tag.isdigit()):
        raise MalformedTlv(f"tag {tag!r} is not two digits")
    if not 0 < len(value) <= 99:
        raise PayloadError(f"tag {tag}: value of {len(value)} characters (1 to 99 allowed)")
    return f"{tag}{len(value):02d}{value}"


def fields(text: str, where: str = "payload") -> Iterator[tuple[str, str]]:
    """Split TLV text into (tag, value) pairs, checking digits and lengths."""
    position = 0
    while position < len(text):
        if position + 4 > len(text):
            raise TruncatedTlv(f"{where} ends inside a tag or length at character {position}")
        tag, length = text[position : position + 2], text[position + 2 : position + 4]
        if not (tag.isascii() and tag.isdigit()):
            raise MalformedTlv(f"{where}: tag {tag!r} at character {position} is not two digits")
        if not (length.isascii() and length.isdigit()):
            raise MalformedTlv(f"{where}: length {length!r} of tag {tag} is not two digits")
        end = position + 4 + int(length)
        if end > len(text):
            raise LengthOverrun(
                f"{where}: tag {tag} says {int(length)} characters but only "
                f"{len(text) - position - 4} remain"
            )
        yield tag, text[position + 4 : end]
        position = end


def _unique(pairs: Iterator[tuple[str, str]], where: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag, value in pairs:
        if tag in found:
            raise DuplicateTag(f"{where}: tag {tag} occurs twice")
        found[tag] = value
    return found


@dataclass(frozen=True)
class Payload:
    """A parsed payload: top-level tags in order, and templates split on demand."""

    text: str
    tags: dict[str, str]

    def template(self, tag: str) -> dict[str, str]:
        """The sub-fields of a template tag (26–51, 62, 64, ...)."""
        return _unique(fields(self.tags[tag], f"template {tag}"), f"template {tag}")

    @property
    def amount(self) -> Decimal | None:
        """Tag 54, if present."""
        return Decimal(self.tags["54"]) if "54" in self.tags else None


def parse_payload(text: str, *, strict: bool = False) -> Payload:
    """Parse and verify a payload; raise the PayloadError subclass that names the fault.

    `strict` also asks for every tag EMVCo makes mandatory (52, 59, 60).
    """
    tags = _unique(fields(text), "payload")
    for tag in STRICT_TAGS if strict else MANDATORY_TAGS:
        if tag not in tags:
            raise MissingTag(f"mandatory tag {tag} is missing")
    if not any(tag in tags for tag in _MERCHANT_ACCOUNTS):
        raise MissingTag("no merchant account information (tags 02–51)")
    if not text.endswith(f"{CRC_TAG}04{tags[CRC_TAG]}") or len(tags[CRC_TAG]) != 4:
        raise MissingTag("tag 63 (CRC) must be last and four characters long")
    if tags["00"] != "01":
        raise PayloadError(f"payload format indicator is {tags['00']!r}, not '01'")
    expected = crc_text(text[:-4])
    if tags[CRC_TAG].upper() != expected:
        raise CrcMismatch(f"CRC is {tags[CRC_TAG]} but the payload gives {expected}")
    payload = Payload(text=text, tags=tags)
    for tag in tags:
        if tag in TEMPLATE_TAGS:
            payload.template(tag)  # a broken template is a broken payload
    return payload


def _iban_ok(iban: str) -> bool:
    moved = iban[4:] + iban[:4]
    digits = "".join(str(int(char, 36)) for char in moved)
    return int(digits) % 97 == 1


class PaymentProfile(BaseModel):
    """Where one payee is paid: the account a bank app pays into when it scans the code.

    Names and cities go in Latin letters (tags 59, 60) and in Kazakh (tag 64).
    `demo` marks a profile that is not a real account: the kiosk says so on screen and slip.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    demo: bool = False
    globally_unique_id: str = Field(min_length=1, max_length=32, pattern=r"^[\x21-\x7e]+$")
    bin: str = Field(pattern=r"^\d{12}$")
    iban: str = Field(pattern=r"^KZ\d{2}[A-Z0-9]{16}$")
    budget_classification_code: str = Field(pattern=r"^\d{6}$")
    payment_purpose_code: str = Field(pattern=r"^\d{3}$")
    merchant_category_code: str = Field(default="9399", pattern=r"^\d{4}$")
    name_latin: Latin = Field(max_length=25)
    city_latin: Latin = Field(max_length=15)
    name_kk: str = Field(min_length=1, max_length=25)
    city_kk: str = Field(min_length=1, max_length=15)
    purpose: Latin = Field(max_length=25)

    @field_validator("iban")
    @classmethod
    def _iban_checksum(cls, iban: str) -> str:
        if not _iban_ok(iban):
            raise ValueError("the IBAN's check digits are wrong")
        return iban


def build_payload(profile: PaymentProfile, amount: Decimal, reference: str, label: str) -> str:
    """A dynamic payload that pays exactly `amount` tenge to the profile's account.

    `reference` (the slip reference) is the bill number, `label` the reference label
    (which bill lines are paid).
    """
    if amount <= 0:
        raise PayloadError("a payment QR needs an amount above zero")
    account = "".join(
        [
            tlv("00", profile.globally_unique_id),
            tlv("01", profile.bin),
            tlv("02", profile.iban),
            tlv("03", profile.budget_classification_code),
            tlv("04", profile.payment_purpose_code),
        ]
    )
    additional = tlv("01", reference[:25]) + tlv("05", label[:25]) + tlv("08", profile.purpose)
    language = tlv("00", "KK") + tlv("01", profile.name_kk) + tlv("02", profile.city_kk)
    body = "".join(
        [
            tlv("00", "01"),
            tlv("01", "12"),
            tlv(MERCHANT_ACCOUNT_TAG, account),
            tlv("52", profile.merchant_category_code),
            tlv("53", "398"),
            tlv("54", amount_text(amount)),
            tlv("58", "KZ"),
            tlv("59", profile.name_latin),
            tlv("60", profile.city_latin),
            tlv("62", additional),
            tlv("64", language),
        ]
    )
    body += f"{CRC_TAG}04"
    return body + crc_text(body)
