"""Quote in, Slip out: the content of the printed summary, in the visitor's language.

A slip is a list of blocks (titles, text, rows with an amount, QR codes) that every
renderer (PDF, receipt printer, plain text) draws in order.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from kiosk.logic.catalogue import Catalogue
from kiosk.logic.i18n import LocalText, Strings, format_date, format_money, format_number
from kiosk.logic.quote import DUTY_NOT_PUBLISHED, Quote

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


class SlipError(ValueError):
    """A quote that is neither complete nor blocked has nothing true to print yet."""


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
    """Everything the visitor takes away. A complete quote gives documents (missing ones
    marked), bill, QR codes, dates, warnings and next steps; a blocked quote gives what to
    do first and where, and what to bring on coming back, with no bill and no payment codes.
    Raises SlipError for a quote that is neither."""
    if not quote.complete and not quote.blocked:
        raise SlipError(f"the answers to {quote.service!r} are not complete: nothing to print")
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
    ]
    if quote.blocked:
        blocks.append(Block(style="title", text=text("slip.blocked")))
    blocks.append(Block(style="heading", text=service.title.get(language)))
    blocks.append(Block(style="heading", text=text("slip.answers")))
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
    if quote.blocked:
        blocks.extend(_first_steps(quote, text, have))
    else:
        blocks.extend(_bill_and_steps(quote, text, have))
    return Slip(reference=reference, language=language, blocks=tuple(blocks))


def _documents(
    quote: Quote, text: Callable[..., str], have: set[str], *, explain: bool = False
) -> list[Block]:
    """Each document, marked as at hand or missing; where to get a missing one (`explain`:
    or, with no such place, its note, e.g. where a statement is filled in)."""
    blocks = []
    for document in quote.documents:
        mark = text("slip.have" if document.id in have else "slip.missing")
        blocks.append(Block(style="text", text=f"{mark} {document.title}"))
        if document.id in have:
            continue
        if document.where:
            blocks.append(Block(style="small", text=document.where))
        elif (explain or document.note_on_slip) and document.note:
            blocks.append(Block(style="small", text=document.note))
    return blocks


def _first_steps(quote: Quote, text: Callable[..., str], have: set[str]) -> list[Block]:
    """A blocked case: each thing to do first and where, then what to bring on return."""
    blocks = [Block(style="rule")]
    for blocker in quote.blockers:
        blocks.append(Block(style="heading", text=blocker.title or blocker.text))
        blocks.append(Block(style="text", text=blocker.text))
    blocks.append(Block(style="rule"))
    if quote.documents:
        blocks.append(Block(style="heading", text=text("slip.blocked-bring")))
        blocks.extend(_documents(quote, text, have, explain=True))
    for item in (*quote.warnings, *quote.notes):
        blocks.append(Block(style="small", text=f"! {item.text}"))
    blocks.append(Block(style="heading", text=text("slip.next")))
    blocks.append(Block(style="text", text=text("slip.blocked-next")))
    return blocks


def _bill_and_steps(quote: Quote, text: Callable[..., str], have: set[str]) -> list[Block]:
    """A complete case: documents, bill, payment codes, dates, warnings, next steps."""
    language = quote.language
    blocks = [Block(style="heading", text=text("slip.documents"))]
    blocks.extend(_documents(quote, text, have))
    blocks.append(Block(style="rule"))
    blocks.extend(_payment(quote, text))
    if quote.ready_by is not None:
        blocks.append(
            Block(
                style="heading",
                text=text(
                    "result.ready-by", date=format_date(quote.ready_by, language, case="dative")
                ),
            )
        )
    blocks.append(Block(style="text", text=text("result.processing", text=quote.processing)))
    for item in (*quote.warnings, *quote.notes):
        if item.id != DUTY_NOT_PUBLISHED:  # said where the bill would be
            blocks.append(Block(style="small", text=f"! {item.text}"))
    blocks.extend(_online(quote, text))
    blocks.append(Block(style="heading", text=text("slip.next")))
    if quote.payments:
        blocks.append(Block(style="text", text=text("slip.next-pay")))
    blocks.append(Block(style="text", text=text("slip.next-counter")))
    return blocks


def _payment(quote: Quote, text: Callable[..., str]) -> list[Block]:
    """The bill and a code per payee, then a rule. In a year with no MCI published, that the
    duty is paid at the centre (no amount, no code); with nothing to pay, nothing at all."""
    language, bill = quote.language, quote.bill
    if bill is None:
        said = next(item.text for item in quote.warnings if item.id == DUTY_NOT_PUBLISHED)
        heading = Block(style="heading", text=text("slip.bill"))
        return [heading, Block(style="text", text=said), Block(style="rule")]
    if not bill.total and not quote.payments:
        return []
    blocks = [Block(style="heading", text=text("slip.bill"))]
    for line in bill.lines:
        if not line.amount:  # a duty of 0 (exempt, paid before) is nothing to pay
            continue
        value = format_money(line.amount, language)
        if line.mci is not None:
            assert quote.mci is not None  # an amount in MCI other than 0 needs the year's
            value = text(
                "result.mci-line",
                multiple=format_number(line.mci, language),
                mci=format_money(quote.mci.value, language),
                amount=value,
            )
        blocks.append(Block(style="row", text=line.label, value=value))
    total = format_money(bill.total, language)
    blocks.append(Block(style="total", text=text("result.total"), value=total))
    for payment in quote.payments:
        amount = format_money(payment.amount, language)
        blocks.append(
            Block(style="text", text=text("slip.pay", payee=payment.payee_name, amount=amount))
        )
        if payment.demo:
            blocks.append(Block(style="demo", text=text("payment.demo")))
        blocks.append(Block(style="qr", payload=payment.payload))
    return [*blocks, Block(style="rule")]


def _online(quote: Quote, text: Callable[..., str]) -> list[Block]:
    """Where the service can also be done online, with the online application's steps in
    order (the visitor may do it at home instead); nothing when it cannot be on this day."""
    if quote.online_url is None or not quote.online_steps:
        return []
    blocks = [Block(style="heading", text=text("result.online"))]
    for number, step in enumerate(quote.online_steps, 1):
        blocks.append(Block(style="small", text=f"{number}. {step}"))
    return blocks
