import Link from 'next/link';
import type { DocumentSummary } from '@/lib/api';

export function DocumentList({ documents }: { documents: DocumentSummary[] }) {
  if (documents.length === 0) {
    return <p className="text-neutral-500">Nothing here yet. Start a document or write with the extension.</p>;
  }
  return (
    <ul className="divide-y">
      {documents.map((d) => (
        <li key={d.id} className="flex justify-between py-2">
          <Link href={`/documents/${d.id}`} className="font-medium">
            {d.title}
          </Link>
          <span className="text-sm text-neutral-500">{d.is_draft ? 'Draft' : `${d.word_count} words`}</span>
        </li>
      ))}
    </ul>
  );
}
