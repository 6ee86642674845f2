from typing import Annotated

from fastapi import Depends, Header
from sqlalchemy.ext.asyncio import AsyncSession

from scribe.core import Unauthorized, get_session
from scribe.user import User, user_from_token

Session = Annotated[AsyncSession, Depends(get_session)]


async def current_user(session: Session, authorization: Annotated[str | None, Header()] = None) -> User:
    if not authorization or not authorization.startswith("Bearer "):
        raise Unauthorized("missing bearer token")
    return await user_from_token(session, authorization.removeprefix("Bearer "))


CurrentUser = Annotated[User, Depends(current_user)]
