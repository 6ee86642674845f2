from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from .models import Document, DocumentVersion
from .service import count_words, get_document


async def save_version(session: AsyncSession, owner_id: int, document_id: int, body: str) -> DocumentVersion:
    """Stores the new body as the next version and updates the document in one transaction."""
    document = await get_document(session, owner_id, document_id)
    last = await session.scalar(select(func.max(DocumentVersion.number)).where(DocumentVersion.document_id == document_id))
    version = DocumentVersion(document_id=document_id, number=(last or 0) + 1, body=body)
    document.body = body
    document.word_count = count_words(body)
    document.is_draft = False
    session.add(version)
    await session.commit()
    return version


async def describe_change(session: AsyncSession, version: DocumentVersion, previous_body: str) -> str:
    """A one-line summary shown in the version list, written by the model."""
    from ..generation import summarize_change

    summary = await summarize_change(previous_body, version.body)
    version.summary = summary[:300]
    await session.commit()
    return version.summary


async def versions_of(session: AsyncSession, document: Document) -> list[DocumentVersion]:
    rows = await session.scalars(
        select(DocumentVersion).where(DocumentVersion.document_id == document.id).order_by(DocumentVersion.number.desc())
    )
    return list(rows)
