// The little of markdown-it (installed with @vscode/vsce) the hover tests use to render Markdown.
declare module 'markdown-it' {
  export default class MarkdownIt {
    constructor(options?: { html?: boolean; linkify?: boolean });
    render(markdown: string): string;
  }
}
