import { notFound } from 'next/navigation';
import { Editor } from '@/components/Editor';
import { backend } from '@/server/backend';

interface DocumentDetail {
  id: number;
  title: string;
  body: string;
}

export default async function DocumentPage({ params }: { params: { documentId: string } }) {
  const id = Number(params.documentId);
  if (!Number.isInteger(id)) notFound();
  const document = await backend<DocumentDetail>(`/documents/${id}`);
  return (
    <main className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{document.title}</h1>
      <Editor documentId={document.id} initialBody={document.body} />
    </main>
  );
}
