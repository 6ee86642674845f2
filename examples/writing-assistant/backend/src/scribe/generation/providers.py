from dataclasses import dataclass

from anthropic import AsyncAnthropic
from openai import AsyncOpenAI

from scribe.core import get_settings


@dataclass(frozen=True)
class Completion:
    text: str
    provider: str
    model: str
    input_tokens: int
    output_tokens: int


async def complete(system: str, prompt: str, model: str, max_tokens: int = 1024) -> Completion:
    """One completion from whichever provider serves `model`; two providers so one outage does not stop us."""
    settings = get_settings()
    if model.startswith("claude"):
        client = AsyncAnthropic(api_key=settings.anthropic_api_key)
        message = await client.messages.create(
            model=model, max_tokens=max_tokens, system=system, messages=[{"role": "user", "content": prompt}]
        )
        text = "".join(block.text for block in message.content if block.type == "text")
        return Completion(text, "anthropic", model, message.usage.input_tokens, message.usage.output_tokens)
    openai = AsyncOpenAI(api_key=settings.openai_api_key)
    response = await openai.chat.completions.create(
        model=model,
        max_tokens=max_tokens,
        messages=[{"role": "system", "content": system}, {"role": "user", "content": prompt}],
    )
    usage = response.usage
    return Completion(
        response.choices[0].message.content or "",
        "openai",
        model,
        usage.prompt_tokens if usage else 0,
        usage.completion_tokens if usage else 0,
    )
