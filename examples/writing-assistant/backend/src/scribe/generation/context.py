from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ..content import Document

MAX_CONTEXT_CHARS = 12_000


async def recent_writing(session: AsyncSession, user_id: int, limit: int = 3) -> str:
    """The user's latest documents, trimmed, so generations match how they write."""
    rows = await session.scalars(select(Document).where(Document.owner_id == user_id).order_by(Document.created_at.desc()).limit(limit))
    parts: list[str] = []
    budget = MAX_CONTEXT_CHARS
    for document in rows:
        excerpt = document.body[: budget // limit]
        parts.append(f"## {document.title}\n{excerpt}")
        budget -= len(excerpt)
    return "\n\n".join(parts)
