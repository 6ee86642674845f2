"""Prompt templates and the orchestration of AI providers."""

from .models import GenerationRun, PromptTemplate
from .orchestrator import generate, summarize_change
from .prompts import template_by_slug

__all__ = ["GenerationRun", "PromptTemplate", "generate", "summarize_change", "template_by_slug"]
