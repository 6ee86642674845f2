import { DocumentList } from '@/components/DocumentList';
import type { DocumentSummary } from '@/lib/api';
import { backend } from '@/server/backend';

export default async function HomePage() {
  const documents = await backend<DocumentSummary[]>('/documents');
  return (
    <main className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Your documents</h1>
      <DocumentList documents={documents} />
    </main>
  );
}
