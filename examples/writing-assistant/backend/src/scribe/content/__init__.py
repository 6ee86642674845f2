"""Documents, drafts and their versions."""

from .models import Document, DocumentVersion
from .search import search_documents, shared_with_me
from .service import count_words, create_document, get_document, list_documents
from .versions import describe_change, save_version, versions_of

__all__ = [
    "Document",
    "DocumentVersion",
    "count_words",
    "create_document",
    "describe_change",
    "get_document",
    "list_documents",
    "save_version",
    "search_documents",
    "shared_with_me",
    "versions_of",
]
