import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { commandLink, escapeMarkdown, hoverMarkdownText } from '../../../src/extension/editor/hoverContent';

// VS Code renders hovers with GFM (autolinks on); raw HTML is on here to show that none
// gets through even where a renderer would allow it.
const md = new MarkdownIt({ html: true, linkify: true });
const render = (markdown: string) => md.render(markdown);
const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

const CRAFTED = 'x](command:vscode.open?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D) ![](https://evil/x.png)';
// Breaks out of the code span the hover used to put the specifier in.
const BREAKOUT = 'x` [open](command:vscode.open?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D) ![](https://evil/x.png) `';
const HOSTILE = [
  CRAFTED,
  BREAKOUT,
  '<img src=https://evil/y.png onerror=alert(1)>',
  '[click](command:workbench.action.terminal.new)',
  'https://evil.example/a.png',
  '$(alert) &amp; &#x3C;b&#x3E; `code` **bold** _it_ ~~s~~ # h | t |',
  '\\](command:x) \\\\',
  'line\nbreak\r\n- item',
];

describe('hover Markdown', () => {
  for (const hostile of HOSTILE) {
    it(`renders ${JSON.stringify(hostile)} as plain text`, () => {
      const html = render(escapeMarkdown(hostile));
      assert.doesNotMatch(html, /<(a|img|script|code|strong|em|s|h\d|table|li)\b/, html);
      assert.equal(text(html).trim(), hostile.replace(/\r\n?|\n/g, ' ').trim());
    });
  }

  it('a crafted specifier in every field leaves Adrift\'s command link the only link, and no image', () => {
    const link = commandLink('adrift.editor.openLocation', ['file:///ws/docs/adr/0003-m.yaml', 4]);
    const html = render(
      hoverMarkdownText({
        rule: 'module-dependency',
        message: `module "web" imports "${CRAFTED}"`,
        fromModule: CRAFTED,
        specifier: CRAFTED,
        decision: { label: `ADR-0003 "${CRAFTED}"`, status: 'accepted', date: CRAFTED, link },
        module: { name: 'web', uses: [{ value: CRAFTED, label: CRAFTED }] },
        fixes: [CRAFTED],
      }),
    );
    assert.doesNotMatch(html, /<img\b/);
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, [link.replace(/&/g, '&amp;')]);
    assert.ok(text(html).includes(CRAFTED));
  });

  it('a confined package lists the modules that may import it, each with its decision, instead of what the module may use', () => {
    const html = render(
      hoverMarkdownText({
        rule: 'confined-package',
        message: 'm',
        fromModule: 'content',
        specifier: 'openai',
        module: { name: 'content', uses: [{ value: 'core', label: 'ADR-0003' }] },
        package: { name: 'openai', modules: [{ value: 'generation', label: 'ADR-0009 "Buy the models"' }] },
      }),
    );
    assert.ok(text(html).includes('openai may be imported only by:'), text(html));
    assert.match(text(html), /generation \(ADR-0009 "Buy the models"\)/);
    assert.doesNotMatch(text(html), /may use/);
  });

  it('the code span the hover used before let a backtick break out into a link and an image', () => {
    assert.match(render(`**web** → **\`${BREAKOUT}\`**`), /<img src="https:\/\/evil\/x.png"/);
    assert.doesNotMatch(render(hoverMarkdownText({ rule: 'r', message: 'm', fromModule: 'web', specifier: BREAKOUT })), /<img\b|<a\b/);
  });

  it('an unresolved import shows its specifier as text in quotes', () => {
    const html = render(hoverMarkdownText({ rule: 'forbidden-package', message: 'm', fromModule: 'web', specifier: CRAFTED }));
    assert.ok(text(html).includes(`web → “${CRAFTED}”`), text(html));
    assert.doesNotMatch(html, /<img\b|<a\b/);
  });
});
