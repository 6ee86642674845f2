from sqlalchemy.ext.asyncio import AsyncSession

from .models import UsageEvent


async def record_usage(session: AsyncSession, user_id: int, tokens: int, source: str) -> None:
    """Meters usage in model tokens (decision 0012); committed with the caller's transaction."""
    if tokens < 0:
        raise ValueError("tokens cannot be negative")
    session.add(UsageEvent(user_id=user_id, tokens=tokens, source=source))
