from string import Template

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ..core import NotFound
from .models import PromptTemplate

TONES = {
    "neutral": "Write clearly and plainly.",
    "friendly": "Write warmly, as to a colleague you like.",
    "formal": "Write formally, without contractions.",
}


async def template_by_slug(session: AsyncSession, slug: str) -> PromptTemplate:
    template = await session.scalar(select(PromptTemplate).where(PromptTemplate.slug == slug))
    if template is None:
        raise NotFound(f"prompt template {slug}")
    return template


def render(template: PromptTemplate, tone: str, **values: str) -> tuple[str, str]:
    """Fills the template; unknown placeholders stay visible so a broken template is noticed."""
    system = f"{template.system_prompt}\n\n{TONES.get(tone, TONES['neutral'])}"
    return system, Template(template.user_prompt).safe_substitute(values)
