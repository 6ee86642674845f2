"""Title suggestions for untitled documents, shown in the document list."""

from sqlalchemy.ext.asyncio import AsyncSession

from openai import AsyncOpenAI

from ..core import get_settings
from .models import Document

_PROMPT = "Suggest a title of at most eight words for this text. Answer with the title only.\n\n"


async def suggest_title(session: AsyncSession, document: Document) -> str:
    """A quick title from the first 2,000 characters; cheap enough not to go through generation."""
    client = AsyncOpenAI(api_key=get_settings().openai_api_key)
    reply = await client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=24,
        messages=[{"role": "user", "content": _PROMPT + document.body[:2000]}],
    )
    title = (reply.choices[0].message.content or "").strip().strip('"')
    document.title = title or document.title
    await session.flush()
    return document.title
