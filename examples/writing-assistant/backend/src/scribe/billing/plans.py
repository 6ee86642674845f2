from datetime import datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..core import QuotaExceeded
from ..user import subscription_tier
from .models import PlanLimit, UsageEvent


async def limits_for(session: AsyncSession, user_id: int) -> PlanLimit:
    tier = await subscription_tier(session, user_id)
    limit = await session.get(PlanLimit, tier)
    return limit or PlanLimit(tier=tier, monthly_tokens=20_000, max_documents=20)


async def tokens_this_month(session: AsyncSession, user_id: int) -> int:
    month_start = datetime.now(timezone.utc).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    used = await session.scalar(
        select(func.coalesce(func.sum(UsageEvent.tokens), 0)).where(
            UsageEvent.user_id == user_id, UsageEvent.created_at >= month_start
        )
    )
    return int(used or 0)


async def check_token_budget(session: AsyncSession, user_id: int) -> None:
    limits = await limits_for(session, user_id)
    if await tokens_this_month(session, user_id) >= limits.monthly_tokens:
        raise QuotaExceeded("monthly token budget used up; upgrade or wait for the next month")


async def check_document_quota(session: AsyncSession, user_id: int, existing_documents: int) -> None:
    limits = await limits_for(session, user_id)
    if existing_documents >= limits.max_documents:
        raise QuotaExceeded(f"your plan allows {limits.max_documents} documents")
