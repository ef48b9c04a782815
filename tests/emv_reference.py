"""An EMVCo merchant-presented QR reader written apart from kiosk.logic.payment, straight
from the specification, with the CRC from the `crc` package: a second opinion on payloads."""

from __future__ import annotations

from crc import Calculator, Crc16

_CRC = Calculator(Crc16.IBM_3740)  # CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF


def read_tlv(text: str) -> dict[str, str]:
    """Split TLV text into a dict; raise AssertionError on anything malformed."""
    out: dict[str, str] = {}
    i = 0
    while i < len(text):
        tag, size = text[i : i + 2], text[i + 2 : i + 4]
        assert tag.isdigit() and size.isdigit() and len(size) == 2, (i, text[i : i + 4])
        value = text[i + 4 : i + 4 + int(size)]
        assert len(value) == int(size), f"tag {tag} runs past the end"
        assert tag not in out, f"tag {tag} twice"
        out[tag] = value
        i += 4 + int(size)
    return out


def verify(payload: str) -> dict[str, str]:
    """Check a payload the way a bank app would; return its top-level fields."""
    fields = read_tlv(payload)
    assert next(iter(fields)) == "00" and fields["00"] == "01"
    assert list(fields)[-1] == "63" and payload[-8:-4] == "6304"
    expected = _CRC.checksum(payload[:-4].encode("utf-8"))
    assert int(fields["63"], 16) == expected, "CRC does not match"
    for tag in ("52", "53", "58", "59", "60"):
        assert tag in fields, f"mandatory tag {tag} missing"
    assert any(26 <= int(tag) <= 51 for tag in fields), "no merchant account template"
    for tag, value in fields.items():
        if 26 <= int(tag) <= 51 or tag in ("62", "64"):
            read_tlv(value)
    return fields
