import { isExtensionMessage } from './messages';

// Replaces the current selection in editable fields with the rewritten text.
chrome.runtime.onMessage.addListener((message: unknown) => {
  if (!isExtensionMessage(message) || message.type !== 'rewrite-result') return;
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
    const { selectionStart, selectionEnd, value } = active;
    if (selectionStart === null || selectionEnd === null) return;
    active.value = value.slice(0, selectionStart) + message.text + value.slice(selectionEnd);
    active.dispatchEvent(new Event('input', { bubbles: true }));
    return;
  }
  const selection = window.getSelection();
  if (selection && selection.rangeCount > 0 && document.activeElement?.getAttribute('contenteditable') === 'true') {
    const range = selection.getRangeAt(0);
    range.deleteContents();
    range.insertNode(document.createTextNode(message.text));
  }
});
