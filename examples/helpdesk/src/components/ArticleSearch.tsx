'use client';

import { useDeferredValue, useEffect, useState } from 'react';
import { api } from '@/lib/api-client';
import type { ArticleHit } from '@/lib/types';

export default function ArticleSearch() {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [hits, setHits] = useState<ArticleHit[]>([]);

  useEffect(() => {
    if (deferred.trim().length < 3) {
      setHits([]);
      return;
    }
    api.get<ArticleHit[]>(`/articles?q=${encodeURIComponent(deferred)}`).then(setHits, () => setHits([]));
  }, [deferred]);

  return (
    <div className="flex flex-col gap-2">
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search articles" className="rounded border p-2" />
      <ol className="flex flex-col gap-2">
        {hits.map((hit) => (
          <li key={hit.id}>
            <a href={`/knowledge/${hit.id}`} className="font-medium text-indigo-700">{hit.title}</a>
            <p className="text-sm text-slate-600" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
          </li>
        ))}
      </ol>
    </div>
  );
}
