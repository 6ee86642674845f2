from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ..core import NotFound
from .clerk import verify_session_token
from .models import Preference, Subscription, User


async def user_from_token(session: AsyncSession, token: str) -> User:
    """Mirrors the Clerk user on first sight, so other tables can reference users.id."""
    claims = verify_session_token(token)
    user = await session.scalar(select(User).where(User.clerk_id == claims["sub"]))
    if user is None:
        user = User(clerk_id=claims["sub"], email=claims.get("email", ""))
        session.add(user)
        await session.flush()
        session.add(Subscription(user_id=user.id))
        await session.commit()
    return user


async def get_user(session: AsyncSession, user_id: int) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound(f"user {user_id}")
    return user


async def subscription_tier(session: AsyncSession, user_id: int) -> str:
    tier = await session.scalar(select(Subscription.tier).where(Subscription.user_id == user_id))
    return tier or "free"


async def preferences_of(session: AsyncSession, user_id: int) -> Preference:
    prefs = await session.get(Preference, user_id)
    return prefs or Preference(user_id=user_id)


async def set_tier(session: AsyncSession, user_id: int, tier: str, stripe_customer_id: str | None) -> None:
    subscription = await session.scalar(select(Subscription).where(Subscription.user_id == user_id))
    if subscription is None:
        subscription = Subscription(user_id=user_id)
        session.add(subscription)
    subscription.tier = tier
    subscription.stripe_customer_id = stripe_customer_id
    await session.commit()
