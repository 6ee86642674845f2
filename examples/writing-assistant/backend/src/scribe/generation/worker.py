"""arq worker for long-form generations (decision 0006): `arq scribe.generation.worker.WorkerSettings`."""

from typing import Any

from arq.connections import RedisSettings

from scribe.core import SessionLocal, get_settings

from .orchestrator import generate


async def long_form(ctx: dict[str, Any], user_id: int, template_slug: str, values: dict[str, str]) -> str:
    async with SessionLocal() as session:
        completion = await generate(session, user_id, template_slug, **values)
    await ctx["redis"].set(f"generation:{ctx['job_id']}", completion.text, ex=3600)
    return completion.text


class WorkerSettings:
    functions = [long_form]
    redis_settings = RedisSettings.from_dsn(get_settings().redis_url)
    max_jobs = 8
    job_timeout = 180
