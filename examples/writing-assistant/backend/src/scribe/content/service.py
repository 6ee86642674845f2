import re

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..billing import check_document_quota
from ..core import NotFound
from .models import Document

_WORD = re.compile(r"\b\w+\b")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


async def create_document(session: AsyncSession, owner_id: int, title: str, body: str = "") -> Document:
    existing = await session.scalar(select(func.count()).select_from(Document).where(Document.owner_id == owner_id))
    await check_document_quota(session, owner_id, existing or 0)
    document = Document(owner_id=owner_id, title=title, body=body, word_count=count_words(body))
    session.add(document)
    await session.commit()
    return document


async def get_document(session: AsyncSession, owner_id: int, document_id: int) -> Document:
    document = await session.get(Document, document_id)
    if document is None or document.owner_id != owner_id:
        raise NotFound(f"document {document_id}")
    return document


async def list_documents(session: AsyncSession, owner_id: int, limit: int = 50) -> list[Document]:
    rows = await session.scalars(
        select(Document).where(Document.owner_id == owner_id).order_by(Document.created_at.desc()).limit(limit)
    )
    return list(rows)
