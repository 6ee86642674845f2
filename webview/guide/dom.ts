// A tiny element builder: the guide builds its DOM from data with no framework.

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key === 'class') el.className = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

export function icon(name: string, label?: string): HTMLElement {
  const el = h('span', { class: `codicon codicon-${name}`, 'aria-hidden': label ? undefined : 'true', role: label ? 'img' : undefined, 'aria-label': label });
  return el;
}

/** A vscode-button that calls `onClick` on click, Enter or Space. */
export function button(label: string, onClick: () => void, opts: { secondary?: boolean; icon?: string; disabled?: boolean; id?: string; title?: string } = {}): HTMLElement {
  const el = h('vscode-button', { secondary: opts.secondary, icon: opts.icon, disabled: opts.disabled, id: opts.id, title: opts.title }, label);
  el.addEventListener('click', () => {
    if (!el.hasAttribute('disabled')) onClick();
  });
  return el;
}

/** A small native icon button (for row actions), labelled for screen readers. */
export function iconButton(iconName: string, label: string, onClick: () => void): HTMLButtonElement {
  const el = h('button', { type: 'button', class: 'icon-button', title: label, 'aria-label': label }, icon(iconName));
  el.addEventListener('click', onClick);
  return el;
}

/** The nodes that are there, for replaceChildren with optional parts. */
export function present(...nodes: (Node | string | undefined | false)[]): (Node | string)[] {
  return nodes.filter((n): n is Node | string => n !== undefined && n !== false);
}

/**
 * Says `text` through the page's polite live region (#announcer). Emptied first and set on
 * the next frame, so saying the same text twice is announced twice.
 */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}
