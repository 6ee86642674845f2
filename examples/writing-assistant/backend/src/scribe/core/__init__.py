from .db import Base, SessionLocal, Timestamped, get_session
from .errors import NotFound, QuotaExceeded, ScribeError, Unauthorized
from .settings import Settings, get_settings

__all__ = [
    "Base",
    "NotFound",
    "QuotaExceeded",
    "ScribeError",
    "SessionLocal",
    "Settings",
    "Timestamped",
    "Unauthorized",
    "get_session",
    "get_settings",
]
