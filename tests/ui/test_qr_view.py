"""The QR widget draws codes that decode from its pixels, sharp at every size."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import numpy as np
import pytest

from kiosk.logic.content import QrItem
from kiosk.logic.ending_content import payment_codes
from kiosk.logic.i18n import LANGUAGES, Strings
from kiosk.logic.payment import build_payload
from kiosk.logic.pricing import Case, Pricing
from kiosk.settings import ASSETS, demo_payment_profiles
from kiosk.ui.widgets.payment_card import PaymentCard
from kiosk.ui.widgets.qr_view import QrView
from tests.logic.helpers import ID_LOST_FIRST_STANDARD

from .pixels import decode_qr, grey

PROFILES = demo_payment_profiles()
PAYLOAD = build_payload(PROFILES["state-budget"], Decimal(865), "K01-20261123-0042", "state-duty")


@pytest.mark.parametrize("side", [300, 333, 480, 517])
def test_code_decodes_from_the_widget_pixels(qtbot, side: int) -> None:
    view = QrView(PAYLOAD)
    qtbot.addWidget(view)
    view.resize(side, side)
    assert view.property("payload") == PAYLOAD
    assert decode_qr(view) == [PAYLOAD]


@pytest.mark.parametrize("side", [300, 333, 517])
def test_modules_are_whole_pixels_with_no_grey(qtbot, side: int) -> None:
    view = QrView(PAYLOAD)
    qtbot.addWidget(view)
    view.resize(side, side + 40)
    pixels = grey(view.grab().toImage())
    rect = view.code_rect()
    code = pixels[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1]
    assert set(np.unique(code)) <= {0, 255}  # no smoothing: only black and white
    module = view.module_px()
    assert module == side // (rect.width() // module) and rect.width() % module == 0
    # Every module is a solid square of `module` pixels.
    blocks = code.reshape(code.shape[0] // module, module, code.shape[1] // module, module)
    assert (blocks.min(axis=(1, 3)) == blocks.max(axis=(1, 3))).all()


def test_minimum_size_keeps_modules_large_enough(qtbot) -> None:
    view = QrView(PAYLOAD)
    qtbot.addWidget(view)
    view.resize(10, 10)
    assert view.width() >= view.minimumWidth() > 0
    assert view.module_px() >= 4


def test_payload_property_change_is_signalled(qtbot) -> None:
    view = QrView()
    qtbot.addWidget(view)
    view.resize(300, 300)
    with qtbot.waitSignal(view.payloadChanged) as signal:
        view.setProperty("payload", "https://egov.kz/")
    assert signal.args == ["https://egov.kz/"]
    assert decode_qr(view) == ["https://egov.kz/"]
    view.set_payload("")
    assert decode_qr(view) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_payment_card(qtbot, catalogue, language) -> None:
    strings = Strings.load(ASSETS / "i18n")
    quote = Pricing(catalogue, PROFILES).quote(
        Case(
            "id-card-restoration",
            ID_LOST_FIRST_STANDARD,
            date(2026, 11, 23),
            "major",
            language,
            "K01-20261123-0042",
        )
    )
    [item] = payment_codes(quote, strings)
    card = PaymentCard()
    qtbot.addWidget(card)
    card.resize(420, 640)
    card.show_item(item)
    card.show()
    qtbot.waitExposed(card)
    assert card.objectName() == "payment-state-budget"
    qr = card.findChild(QrView, "qr-state-budget")
    assert qr is not None and qr.property("payload") == quote.payments[0].payload
    assert decode_qr(card) == [quote.payments[0].payload]
    assert card.demo.isVisible()  # the profiles are the demo ones
    assert card.demo.text() == strings.text("payment.demo", language)
    assert card.amount.text().replace("\u00a0", " ") == "865 ₸"
    card.show_item(replace(item, demo=""))
    assert not card.demo.isVisible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_online_alternative_opens_the_portal(qtbot, catalogue, language) -> None:
    from kiosk.ui.widgets.online_card import OnlineCard

    online = catalogue.service("driving-licence-replacement").online
    card = OnlineCard()
    qtbot.addWidget(card)
    card.resize(360, 420)
    card.show_item(QrItem("online", online.text.get(language), online.url))
    assert card.findChild(QrView, "qr-online").property("payload") == online.url
    assert decode_qr(card) == [online.url]
    assert card.caption.text() == online.text.get(language)
