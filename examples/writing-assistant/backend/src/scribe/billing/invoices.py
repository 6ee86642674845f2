from __future__ import annotations

from typing import TYPE_CHECKING

import stripe
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from ..core import NotFound, get_settings
from .models import Invoice

if TYPE_CHECKING:
    from ..content import Document


async def invoices_of(session: AsyncSession, user_id: int) -> list[Invoice]:
    rows = await session.scalars(select(Invoice).where(Invoice.user_id == user_id).order_by(Invoice.period_start.desc()))
    return list(rows)


async def email_invoice(session: AsyncSession, invoice_id: int) -> str:
    invoice = await session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound(f"invoice {invoice_id}")
    email = await session.scalar(text("SELECT email FROM users WHERE id = :user_id"), {"user_id": invoice.user_id})
    stripe.api_key = get_settings().stripe_secret_key
    stripe.Invoice.send_invoice(invoice.stripe_invoice_id)
    return email or ""


def export_cost_cents(document: Document, cents_per_thousand_words: int = 5) -> int:
    """What a PDF export of `document` costs on the pay-as-you-go plan."""
    return max(1, document.word_count * cents_per_thousand_words // 1000)
