from fastapi import APIRouter
from pydantic import BaseModel, Field

from scribe import content

from .deps import CurrentUser, Session

router = APIRouter(prefix="/documents", tags=["documents"])


class DocumentIn(BaseModel):
    title: str = Field(default="Untitled", max_length=200)
    body: str = ""


class DocumentOut(BaseModel):
    id: int
    title: str
    word_count: int
    is_draft: bool


@router.get("", response_model=list[DocumentOut])
async def list_documents(user: CurrentUser, session: Session):
    return await content.list_documents(session, user.id)


@router.post("", response_model=DocumentOut, status_code=201)
async def create_document(payload: DocumentIn, user: CurrentUser, session: Session):
    return await content.create_document(session, user.id, payload.title, payload.body)


@router.put("/{document_id}/body", status_code=204)
async def save_body(document_id: int, payload: DocumentIn, user: CurrentUser, session: Session) -> None:
    await content.save_version(session, user.id, document_id, payload.body)


@router.get("/search")
async def search(q: str, user: CurrentUser, session: Session):
    return await content.search_documents(session, user.id, q)
