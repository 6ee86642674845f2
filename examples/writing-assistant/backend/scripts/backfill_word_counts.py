"""One-off: fill documents.word_count for rows created before the column existed."""

import asyncio

from scribe.content import count_words, list_documents
from scribe.core import SessionLocal


async def main(owner_ids: list[int]) -> None:
    async with SessionLocal() as session:
        for owner_id in owner_ids:
            for document in await list_documents(session, owner_id, limit=10_000):
                document.word_count = count_words(document.body)
        await session.commit()


if __name__ == "__main__":
    import sys

    asyncio.run(main([int(arg) for arg in sys.argv[1:]]))
