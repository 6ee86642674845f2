import stripe
from sqlalchemy.ext.asyncio import AsyncSession

from ..core import Unauthorized, get_settings
from ..user import set_tier
from .models import Invoice

TIER_BY_PRICE = {"price_pro_monthly": "pro", "price_team_monthly": "team"}


async def handle_event(session: AsyncSession, payload: bytes, signature: str) -> str:
    """Applies a Stripe webhook: subscription changes set the tier, paid invoices are stored."""
    try:
        event = stripe.Webhook.construct_event(payload, signature, get_settings().stripe_webhook_secret)
    except (ValueError, stripe.SignatureVerificationError) as error:
        raise Unauthorized("bad Stripe signature") from error
    data = event["data"]["object"]
    if event["type"] in ("customer.subscription.created", "customer.subscription.updated"):
        price = data["items"]["data"][0]["price"]["id"]
        user_id = int(data["metadata"]["user_id"])
        await set_tier(session, user_id, TIER_BY_PRICE.get(price, "free"), data["customer"])
    elif event["type"] == "invoice.paid":
        session.add(
            Invoice(
                user_id=int(data["metadata"]["user_id"]),
                stripe_invoice_id=data["id"],
                period_start=data["period_start"],
                amount_cents=data["amount_paid"],
                status="paid",
            )
        )
        await session.commit()
    return event["type"]
