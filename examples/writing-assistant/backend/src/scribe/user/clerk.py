import jwt
from jwt import PyJWKClient

from ..core import Unauthorized, get_settings

_jwks: PyJWKClient | None = None


def _jwks_client() -> PyJWKClient:
    global _jwks
    if _jwks is None:
        _jwks = PyJWKClient(get_settings().clerk_jwks_url, cache_keys=True)
    return _jwks


def verify_session_token(token: str) -> dict[str, str]:
    """Checks a Clerk session JWT (decision 0007) and returns its claims; we never see passwords."""
    try:
        signing_key = _jwks_client().get_signing_key_from_jwt(token)
        return jwt.decode(token, signing_key.key, algorithms=["RS256"], issuer=get_settings().clerk_issuer)
    except jwt.PyJWTError as error:
        raise Unauthorized(f"invalid session token: {error}") from error
