from sqlalchemy.ext.asyncio import AsyncSession

from ..billing import check_token_budget
from ..billing.usage import record_usage
from ..core import get_settings
from ..user import preferences_of
from .context import recent_writing
from .models import GenerationRun
from .prompts import render, template_by_slug
from .providers import Completion, complete


async def generate(session: AsyncSession, user_id: int, template_slug: str, **values: str) -> Completion:
    """Runs one template for one user: budget check, prompt, provider call, usage record."""
    await check_token_budget(session, user_id)
    template = await template_by_slug(session, template_slug)
    prefs = await preferences_of(session, user_id)
    values.setdefault("examples", await recent_writing(session, user_id))
    system, prompt = render(template, prefs.tone, **values)
    settings = get_settings()
    model = prefs.preferred_model or (settings.long_form_model if template.long_form else settings.default_model)
    run = GenerationRun(user_id=user_id, template_id=template.id, provider="pending", model=model)
    session.add(run)
    await session.flush()
    completion = await complete(system, prompt, model, max_tokens=4096 if template.long_form else 1024)
    run.provider = completion.provider
    run.input_tokens = completion.input_tokens
    run.output_tokens = completion.output_tokens
    run.status = "done"
    await record_usage(session, user_id, completion.input_tokens + completion.output_tokens, source=f"generation:{run.id}")
    await session.commit()
    return completion


async def summarize_change(before: str, after: str) -> str:
    system = "You summarize edits to a document in one short line, past tense, no quotes."
    prompt = f"Before:\n{before[:4000]}\n\nAfter:\n{after[:4000]}"
    completion = await complete(system, prompt, get_settings().default_model, max_tokens=60)
    return completion.text.strip()
