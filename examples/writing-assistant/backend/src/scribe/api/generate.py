from arq import create_pool
from arq.connections import RedisSettings
from fastapi import APIRouter
from pydantic import BaseModel

from scribe.core import get_settings
from scribe.generation import generate

from .deps import CurrentUser, Session

router = APIRouter(prefix="/generate", tags=["generation"])


class GenerateIn(BaseModel):
    template: str
    values: dict[str, str] = {}
    background: bool = False


@router.post("")
async def run_generation(payload: GenerateIn, user: CurrentUser, session: Session):
    if payload.background:
        # Long-form runs go through the arq worker (decision 0006); the client polls the job.
        redis = await create_pool(RedisSettings.from_dsn(get_settings().redis_url))
        job = await redis.enqueue_job("long_form", user.id, payload.template, payload.values)
        return {"job_id": job.job_id if job else None}
    completion = await generate(session, user.id, payload.template, **payload.values)
    return {"text": completion.text, "model": completion.model, "tokens": completion.input_tokens + completion.output_tokens}
