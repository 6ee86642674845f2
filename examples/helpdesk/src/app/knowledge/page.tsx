import dynamic from 'next/dynamic';

// The search box pulls in a highlighter; load it only on this page.
const ArticleSearch = dynamic(() => import('@/components/ArticleSearch'), { ssr: false });

export default function KnowledgePage() {
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-xl font-semibold">Knowledge base</h1>
      <ArticleSearch />
    </div>
  );
}
