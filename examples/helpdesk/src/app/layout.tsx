import type { ReactNode } from 'react';
import Link from 'next/link';
import './globals.css';

export const metadata = { title: 'Helpdesk', description: 'Agent workspace' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen bg-slate-50 text-slate-900">
        <nav aria-label="Main" className="flex w-52 flex-col gap-1 border-r bg-white p-3">
          <Link href="/tickets">Tickets</Link>
          <Link href="/knowledge">Knowledge base</Link>
          <Link href="/settings/team">Team</Link>
        </nav>
        <main className="flex-1 p-6">{children}</main>
      </body>
    </html>
  );
}
