import { rewrite } from './api';
import { isExtensionMessage, type ExtensionMessage } from './messages';

async function sessionToken(): Promise<string | undefined> {
  const { clerkToken } = await chrome.storage.session.get('clerkToken');
  return typeof clerkToken === 'string' ? clerkToken : undefined;
}

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: 'scribe-rewrite', title: 'Rewrite with Scribe', contexts: ['selection'] });
});

chrome.contextMenus.onClicked.addListener(async (info, tab) => {
  if (info.menuItemId !== 'scribe-rewrite' || !tab?.id || !info.selectionText) return;
  const reply = await handle({ type: 'rewrite-selection', selection: info.selectionText, tone: 'neutral' });
  await chrome.tabs.sendMessage(tab.id, reply);
});

chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  if (!isExtensionMessage(message) || message.type !== 'rewrite-selection') return false;
  void handle(message).then(sendResponse);
  return true;
});

async function handle(message: Extract<ExtensionMessage, { type: 'rewrite-selection' }>): Promise<ExtensionMessage> {
  const token = await sessionToken();
  if (!token) return { type: 'rewrite-error', reason: 'signed-out' };
  try {
    const result = await rewrite(token, message.selection, message.tone);
    return { type: 'rewrite-result', text: result.text };
  } catch (error) {
    return { type: 'rewrite-error', reason: (error as Error).message === 'quota' ? 'quota' : 'failed' };
  }
}
