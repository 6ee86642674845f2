from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCRIBE_", env_file=".env")

    database_url: str = "postgresql+asyncpg://scribe:scribe@localhost:5432/scribe"
    redis_url: str = "redis://localhost:6379/0"
    clerk_issuer: str = "https://clerk.scribe.app"
    clerk_jwks_url: str = "https://clerk.scribe.app/.well-known/jwks.json"
    openai_api_key: str = ""
    anthropic_api_key: str = ""
    stripe_secret_key: str = ""
    stripe_webhook_secret: str = ""
    default_model: str = "gpt-4o-mini"
    long_form_model: str = "claude-3-5-sonnet-latest"


@lru_cache
def get_settings() -> Settings:
    return Settings()
