from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

# Full-text search over the owner's documents (PostgreSQL tsvector, decision 0005).
_SEARCH = text(
    "SELECT d.id, d.title, ts_headline('english', d.body, q) AS snippet "
    "FROM documents d, plainto_tsquery('english', :query) q "
    "WHERE d.owner_id = :owner_id AND to_tsvector('english', d.body) @@ q "
    "ORDER BY ts_rank(to_tsvector('english', d.body), q) DESC LIMIT 20"
)


async def search_documents(session: AsyncSession, owner_id: int, query: str) -> list[dict[str, object]]:
    result = await session.execute(_SEARCH, {"owner_id": owner_id, "query": query})
    return [dict(row._mapping) for row in result]


async def shared_with_me(session: AsyncSession, email: str) -> list[dict[str, object]]:
    # adrift-ignore data-ownership -- v2 sharing prototype; user will expose lookup_by_email before launch
    result = await session.execute(text("SELECT d.id, d.title FROM documents d JOIN users u ON u.id = d.owner_id WHERE u.email = :email"), {"email": email})
    return [dict(row._mapping) for row in result]
