"""EMVCo merchant-presented payloads: the published vectors, round trips, malformed input."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.logic.payment import (
    CrcMismatch,
    DuplicateTag,
    LengthOverrun,
    MalformedTlv,
    MissingTag,
    PayloadError,
    PaymentProfile,
    TruncatedTlv,
    build_payload,
    crc_text,
    parse_payload,
    tlv,
)
from kiosk.settings import demo_payment_profiles

# Published payloads with known checksums (a copy of the shared test data).
VECTORS = json.loads(
    (Path(__file__).parents[1] / "data" / "emv-mpm-vectors.json").read_text(encoding="utf-8")
)
PROFILE = demo_payment_profiles()["state-budget"]


def test_crc_check_value() -> None:
    assert crc_text(VECTORS["crc_check"]["input"]) == VECTORS["crc_check"]["crc"]


@pytest.mark.parametrize("vector", VECTORS["payloads"], ids=lambda v: v["name"][:40])
def test_published_payloads_parse_and_their_crc_checks(vector) -> None:
    payload = parse_payload(vector["payload"])
    assert payload.tags["63"] == vector["crc"]
    assert crc_text(vector["payload"][:-4]) == vector["crc"]
    assert "".join(tlv(tag, value) for tag, value in payload.tags.items()) == vector["payload"]


def test_lengths_count_characters_but_the_crc_covers_utf8_bytes() -> None:
    vector = VECTORS["payloads"][0]
    payload = parse_payload(vector["payload"])
    language = payload.template("64")
    assert language == {"00": "ZH", "01": "最佳运输", "02": "北京"}
    assert len(vector["payload"].encode("utf-8")) > len(vector["payload"])


def test_our_payload_has_every_tag_in_order() -> None:
    text = build_payload(PROFILE, Decimal(865), "K01-20261123-0042", "state-duty")
    payload = parse_payload(text, strict=True)
    assert list(payload.tags) == [
        "00",
        "01",
        "26",
        "52",
        "53",
        "54",
        "58",
        "59",
        "60",
        "62",
        "64",
        "63",
    ]
    assert payload.tags["00"] == "01" and payload.tags["01"] == "12"
    assert payload.tags["53"] == "398" and payload.tags["58"] == "KZ"
    assert payload.amount == Decimal(865)
    assert payload.template("26") == {
        "00": PROFILE.globally_unique_id,
        "01": PROFILE.bin,
        "02": PROFILE.iban,
        "03": PROFILE.budget_classification_code,
        "04": PROFILE.payment_purpose_code,
    }
    assert payload.template("62") == {
        "01": "K01-20261123-0042",
        "05": "state-duty",
        "08": PROFILE.purpose,
    }
    assert payload.template("64") == {"00": "KK", "01": PROFILE.name_kk, "02": PROFILE.city_kk}


kazakh = st.text(
    alphabet="АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯабвгғдеәөқңұүһі .-", min_size=1
)
latin = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .-", min_size=1)


@st.composite
def profiles(draw: st.DrawFn) -> PaymentProfile:
    return PROFILE.model_copy(
        update={
            "name_kk": draw(kazakh.map(lambda t: t[:25]).filter(str.strip)),
            "city_kk": draw(kazakh.map(lambda t: t[:15]).filter(str.strip)),
            "name_latin": draw(latin.map(lambda t: t[:25]).filter(str.strip)),
            "city_latin": draw(latin.map(lambda t: t[:15]).filter(str.strip)),
        }
    )


@settings(max_examples=200, deadline=None)
@given(
    profiles(),
    st.decimals(min_value=Decimal(1), max_value=Decimal(10_000_000), places=0),
    st.text(alphabet="АБВҚӘӨабвқәө0123456789-", min_size=1, max_size=25),
    st.sampled_from(["state-duty", "expedite", "state-duty+expedite"]),
)
def test_build_then_parse_round_trips(profile, amount, reference, label) -> None:
    text = build_payload(profile, amount, reference, label)
    payload = parse_payload(text, strict=True)
    assert payload.amount == amount
    assert payload.tags["59"] == profile.name_latin
    assert payload.template("64")["01"] == profile.name_kk
    assert payload.template("62")["01"] == reference
    assert payload.template("62")["05"] == label


VALID = build_payload(PROFILE, Decimal(865), "K01-20261123-0042", "state-duty")


def with_crc(body: str) -> str:
    body += "6304"
    return body + crc_text(body)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (VALID[:-1] + ("0" if VALID[-1] != "0" else "1"), CrcMismatch),
        (VALID[:-4] + VALID[-4:].lower().replace("a", "b"), CrcMismatch),
        ("000201010212260", TruncatedTlv),
        ("0002010102126304", LengthOverrun),
        ("000201" + "5999" + "AB", LengthOverrun),
        (with_crc("00020101021200020126080004test5303398540110" + "5802KZ5802KZ"), DuplicateTag),
        (with_crc("00020101021226080004test5802KZ"), MissingTag),
        (with_crc("0002010102122608000" + "4test5303398"), MissingTag),
        ("0A020101021226080004test5303398", MalformedTlv),
        ("00X201", MalformedTlv),
        (with_crc("000201010212260800041234530339858" + "02KZ") + "9900", MissingTag),
        (with_crc("00020101021226040012" + "53033985802KZ"), LengthOverrun),
    ],
    ids=[
        "wrong-crc",
        "lower-case-crc-mismatch",
        "truncated",
        "length-past-end",
        "length-past-end-2",
        "duplicate-tag",
        "missing-currency",
        "missing-country",
        "non-digit-id",
        "non-digit-length",
        "crc-not-last",
        "template-overrun",
    ],
)
def test_malformed_payloads_each_raise_their_own_error(text: str, error) -> None:
    with pytest.raises(error):
        parse_payload(text)


def test_errors_are_distinct_types() -> None:
    kinds = [CrcMismatch, TruncatedTlv, LengthOverrun, DuplicateTag, MissingTag, MalformedTlv]
    assert len(set(kinds)) == 6
    assert all(issubclass(kind, PayloadError) for kind in kinds)
    assert not any(issubclass(a, b) for a in kinds for b in kinds if a is not b)


def test_strict_parsing_wants_emvco_mandatory_tags() -> None:
    promptpay = VECTORS["payloads"][2]["payload"]
    parse_payload(promptpay)
    with pytest.raises(MissingTag, match="52"):
        parse_payload(promptpay, strict=True)


def test_no_payload_for_nothing_to_pay() -> None:
    with pytest.raises(PayloadError):
        build_payload(PROFILE, Decimal(0), "K01-20261123-0001", "state-duty")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("iban", "KZ34070DEMO000000001"),  # check digits off by one
        ("bin", "12345"),
        ("name_latin", "Мемлекеттік"),  # tag 59 is Latin letters
        ("name_kk", "x" * 26),
        ("budget_classification_code", "10810"),
    ],
)
def test_profile_fields_are_checked(field: str, value: str) -> None:
    data = PROFILE.model_dump()
    data[field] = value
    with pytest.raises(ValueError, match=field):
        PaymentProfile.model_validate(data)
