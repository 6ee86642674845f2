"""Beta testers signed up with a password before we moved to Clerk; this lets them log in once."""

from passlib.context import CryptContext
from sqlalchemy.ext.asyncio import AsyncSession

from .models import User

_context = CryptContext(schemes=["bcrypt"], deprecated="auto")


async def verify_beta_password(session: AsyncSession, user_id: int, password: str, stored_hash: str) -> User | None:
    if not _context.verify(password, stored_hash):
        return None
    return await session.get(User, user_id)
