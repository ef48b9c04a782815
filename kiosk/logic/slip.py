"""Quote in, Slip out: the content of the printed summary, in the visitor's language.

A slip is a list of blocks (titles, text, rows with an amount, QR codes) that every
renderer (PDF, receipt printer, plain text) draws in order.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.i18n import LocalText, Strings, format_date, format_money, format_number
from kiosk.logic.quote import Quote

Style = Literal["title", "heading", "text", "small", "row", "total", "qr", "rule", "demo"]


class Block(BaseModel):
    """One piece of the slip. `row`/`total` have a right-hand `value`; `qr` a `payload`."""

    model_config = ConfigDict(frozen=True)

    style: Style
    text: str = ""
    value: str = ""
    payload: str = ""


class Slip(BaseModel):
    """What is printed for one visitor."""

    model_config = ConfigDict(frozen=True)

    reference: str
    language: str
    blocks: tuple[Block, ...]

    def text(self) -> str:
        """A plain-text rendering, for logs, tests and printers without graphics."""
        lines: list[str] = []
        for block in self.blocks:
            if block.style == "rule":
                lines.append("-" * 40)
            elif block.style in ("row", "total"):
                lines.append(f"{block.text}  {block.value}")
            elif block.style == "qr":
                lines.append(f"[QR] {block.payload}")
            elif block.style in ("title", "heading"):
                lines.append(block.text.upper() if block.style == "title" else block.text)
            else:
                lines.append(block.text)
        return "\n".join(lines) + "\n"


def make_slip(
    quote: Quote,
    catalogue: Catalogue,
    strings: Strings,
    *,
    centre_name: LocalText,
    kiosk_id: str,
    printed_at: datetime,
    reference: str,
    have: set[str],
) -> Slip:
    """Everything the visitor takes away: documents (missing ones marked), bill, QR codes,
    dates, warnings and next steps."""
    language = quote.language

    def text(key: str, **values: str) -> str:
        return strings.text(key, language, **values)

    service = catalogue.service(quote.service)
    when = f"{format_date(printed_at.date(), language)} {printed_at:%H:%M}"
    blocks: list[Block] = [
        Block(style="title", text=centre_name.get(language)),
        Block(style="small", text=text("slip.kiosk", kiosk=kiosk_id, when=when)),
        Block(style="heading", text=text("slip.reference", reference=reference)),
        Block(style="rule"),
        Block(style="heading", text=service.title.get(language)),
        Block(style="heading", text=text("slip.answers")),
    ]
    for question in service.questions:
        if question.id in quote.answers:
            option = question.option(quote.answers[question.id])
            assert option is not None
            blocks.append(
                Block(
                    style="small",
                    text=f"{question.text.get(language)} — {option.label.get(language)}",
                )
            )
    blocks.append(Block(style="heading", text=text("slip.documents")))
    for document in quote.documents:
        mark = text("slip.have" if document.id in have else "slip.missing")
        blocks.append(Block(style="text", text=f"{mark} {document.title}"))
        if document.id not in have and document.where:
            blocks.append(Block(style="small", text=document.where))
    blocks.append(Block(style="rule"))
    blocks.append(Block(style="heading", text=text("slip.bill")))
    for line in quote.bill.lines:
        value = format_money(line.amount, language)
        if line.mci is not None:
            value = text(
                "result.mci-line",
                multiple=format_number(line.mci, language),
                mci=format_money(quote.mci.value, language),
                amount=value,
            )
        blocks.append(Block(style="row", text=line.label, value=value))
    blocks.append(
        Block(
            style="total", text=text("result.total"), value=format_money(quote.bill.total, language)
        )
    )
    for payment in quote.payments:
        blocks.append(
            Block(
                style="text",
                text=text(
                    "slip.pay",
                    payee=payment.payee_name,
                    amount=format_money(payment.amount, language),
                ),
            )
        )
        if payment.demo:
            blocks.append(Block(style="demo", text=text("payment.demo")))
        blocks.append(Block(style="qr", payload=payment.payload))
    blocks.append(Block(style="rule"))
    if quote.ready_by is not None:
        blocks.append(
            Block(
                style="heading",
                text=text("result.ready-by", date=format_date(quote.ready_by, language)),
            )
        )
    blocks.append(Block(style="text", text=text("result.processing", text=quote.processing)))
    for item in (*quote.warnings, *quote.notes):
        blocks.append(Block(style="small", text=f"! {item.text}"))
    blocks.append(Block(style="heading", text=text("slip.next")))
    if quote.payments:
        blocks.append(Block(style="text", text=text("slip.next-pay")))
    blocks.append(Block(style="text", text=text("slip.next-counter")))
    return Slip(reference=reference, language=language, blocks=tuple(blocks))
