import { ClerkProvider, UserButton } from '@clerk/nextjs';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata = { title: 'Scribe', description: 'Write better, faster.' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <ClerkProvider>
      <html lang="en">
        <body className="mx-auto max-w-3xl p-6">
          <header className="mb-6 flex items-center justify-between">
            <a href="/" className="text-xl font-semibold">Scribe</a>
            <UserButton />
          </header>
          {children}
        </body>
      </html>
    </ClerkProvider>
  );
}
