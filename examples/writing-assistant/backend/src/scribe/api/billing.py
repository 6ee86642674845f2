from fastapi import APIRouter, Header, Request

from scribe.billing import handle_event, invoices_of, limits_for, tokens_this_month

from .deps import CurrentUser, Session

router = APIRouter(prefix="/billing", tags=["billing"])


@router.get("/usage")
async def usage(user: CurrentUser, session: Session):
    limits = await limits_for(session, user.id)
    return {"tier": limits.tier, "used": await tokens_this_month(session, user.id), "limit": limits.monthly_tokens}


@router.get("/invoices")
async def invoices(user: CurrentUser, session: Session):
    return [
        {"id": i.id, "period_start": i.period_start, "amount_cents": i.amount_cents, "status": i.status}
        for i in await invoices_of(session, user.id)
    ]


@router.post("/stripe-webhook", include_in_schema=False)
async def stripe_webhook(request: Request, session: Session, stripe_signature: str = Header()):
    return {"handled": await handle_event(session, await request.body(), stripe_signature)}
