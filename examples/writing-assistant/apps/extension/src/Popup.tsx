import { ClerkProvider, SignedIn, SignedOut, SignIn, useAuth } from '@clerk/chrome-extension';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const TONES = ['neutral', 'friendly', 'formal'] as const;

function TokenSync() {
  const { getToken } = useAuth();
  useEffect(() => {
    void getToken().then((clerkToken) => chrome.storage.session.set({ clerkToken }));
  }, [getToken]);
  return null;
}

function Settings() {
  const [tone, setTone] = useState<(typeof TONES)[number]>('neutral');
  useEffect(() => {
    void chrome.storage.sync.get('tone').then(({ tone: stored }) => stored && setTone(stored));
  }, []);
  return (
    <label>
      Tone{' '}
      <select value={tone} onChange={(e) => { const next = e.target.value as (typeof TONES)[number]; setTone(next); void chrome.storage.sync.set({ tone: next }); }}>
        {TONES.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
    </label>
  );
}

function Popup() {
  return (
    <ClerkProvider publishableKey={import.meta.env.VITE_CLERK_PUBLISHABLE_KEY}>
      <SignedOut>
        <SignIn />
      </SignedOut>
      <SignedIn>
        <TokenSync />
        <p>Select text on any page, right-click, and choose “Rewrite with Scribe”.</p>
        <Settings />
      </SignedIn>
    </ClerkProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Popup />);
