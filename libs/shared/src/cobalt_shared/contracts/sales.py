"""Messages the reporting service accepts from a POS."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import BaseModel, Field

from cobalt_shared.contracts.base import Message
from cobalt_shared.money import Money


class PosLineTax(BaseModel):
    name: str = Field(description="The tax rate or agency.", examples=["County 1%"])
    amount: str = Field(description="Tax collected, at most 2 places.", examples=["0.13"])


class PosSaleLine(BaseModel):
    """One line of a sale. Amounts stay text here: each sale is checked on its own, so one bad
    sale is reported by its id while the others in the batch are kept."""

    category: str = Field(description="Sales category.", examples=["Beer"])
    amount: str = Field(description="Amount before tax, at most 2 places.", examples=["12.99"])
    tax: str = Field("0.00", description="Sales tax on the line, at most 2 places.")
    discount: str = Field(
        "0.00", description="Discount given on the line: `amount` is before it, tax after it."
    )
    taxes: list[PosLineTax] = Field(
        default_factory=list,
        description="Tax by rate or agency, each to its own Sales Tax Payable account (besides "
        "`tax`, which goes to the store's one).",
    )


class PosTender(BaseModel):
    type: str = Field(
        description="card, cash, gift-card (a redemption) or other", examples=["card"]
    )
    amount: str = Field(description="Amount tendered, at most 2 places.", examples=["14.03"])


class PosTip(BaseModel):
    tender: str = Field(description="The tender type that paid the tip.", examples=["card"])
    amount: str = Field(description="The tip, at most 2 places.", examples=["2.00"])


class PosSale(BaseModel):
    """A sale, or a refund when `refund_of` names the sale refunded (amounts positive)."""

    sale_id: str = Field(description="The POS's id; a sale sent twice counts once.")
    sold_at: str = Field(description="ISO 8601 time with its UTC offset.")
    lines: list[PosSaleLine] = Field(default_factory=list)
    tenders: list[PosTender] = Field(default_factory=list)
    refund_of: str | None = Field(None, description="For a refund: the sale it refunds.")
    tips: list[PosTip] = Field(
        default_factory=list, description="Tips, each paid by one of the sale's tenders."
    )
    gift_cards_sold: str = Field("0.00", description="Gift cards sold (no tax: a liability).")
    total: str | None = Field(
        None,
        description="The total as the POS printed it, when stated; a few cents from the sum of "
        "the lines go to Rounding, and the tenders must pay it.",
    )


class PosSales(Message):
    """A batch of POS sales for one merchant."""

    TYPE: ClassVar[str] = "pos-sales"

    sales: list[PosSale] = Field(description="Sales and refunds, in any order.")


class SalesCategoriesSeen(Message):
    """Sales categories seen for the first time; the chart of accounts gives each its
    accounts (sales and purchases)."""

    TYPE: ClassVar[str] = "sales-categories-seen"

    categories: list[str] = Field(description="Category names as the POS spells them.")
    tax_names: list[str] = Field(
        default_factory=list,
        description="Tax rates or agencies seen for the first time: each gets its Sales Tax "
        "Payable account.",
    )


class CardSettlementReported(Message):
    """A card processor's settlement batch for one merchant, as the POS or processor reports
    it (the same fields as reporting's POST /card-settlements)."""

    TYPE: ClassVar[str] = "card-settlement"

    batch_id: str = Field(description="The processor's batch id: a batch counts once.")
    settled_on: date = Field(description="The day the processor paid it out.")
    gross: Money = Field(description="The batch's card sales.")
    fees: Money | None = Field(None, description="Processing fees kept by the processor.")
    chargebacks: Money | None = Field(None, description="Chargebacks and adjustments withheld.")
    net: Money | None = Field(None, description="What the bank received, when stated.")
    days: list[date] = Field(
        default_factory=list, description="The business days whose card sales it settles."
    )
