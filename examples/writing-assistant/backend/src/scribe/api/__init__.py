from fastapi import APIRouter

from . import billing, documents, generate

router = APIRouter(prefix="/v1")
router.include_router(documents.router)
router.include_router(generate.router)
router.include_router(billing.router)
