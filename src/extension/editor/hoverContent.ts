// The hover's Markdown, without the vscode API so it can be rendered in a unit test.
// Everything in it that comes from code or records (a specifier, module names, titles,
// messages, fixes) is escaped: a crafted import such as `x](command:…) ![](https://…)` must
// render as the text it is, never as a link, a command or a remote image.

/** One decision the hover names, with the command link that opens it. */
export interface HoverDecision {
  label: string;
  status: string;
  date?: string;
  /** `command:…` URI; Adrift's own command only (the MarkdownString enables no other). */
  link?: string;
}

export interface HoverContent {
  rule: string;
  message: string;
  fromModule?: string;
  toModule?: string;
  specifier?: string;
  decision?: HoverDecision;
  /** The importing module and what it may use, each use with the decision that allows it. */
  module?: { name: string; uses: { value: string; label: string }[] };
  /** For a confined package: the modules that may import it, each with the decision that lets it. */
  package?: { name: string; modules: { value: string; label: string }[] };
  fixes?: readonly string[];
}

/**
 * Text as Markdown that renders as exactly that text: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them), so no link, image, HTML, entity,
 * autolink, emphasis or theme icon (`$(…)`) survives; line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

export function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

export function hoverMarkdownText(c: HoverContent): string {
  const t = escapeMarkdown;
  const out: string[] = [];
  const from = c.fromModule ?? '(no module)';
  const to = c.toModule ?? (c.specifier ? `“${c.specifier}”` : '(no module)');
  out.push(`**Adrift** · ${t(c.rule)}\n\n`);
  out.push(`$(symbol-namespace) **${t(from)}** → **${t(to)}**\n\n`);
  out.push(`${t(c.message)}\n\n`);
  if (c.decision) {
    const d = c.decision;
    const label = d.link ? `[${t(d.label)}](${d.link})` : t(d.label);
    out.push(`$(law) ${label} — ${t(d.status)}${d.date ? `, ${t(d.date)}` : ''}\n\n`);
  }
  if (c.package) {
    out.push(`**${t(c.package.name)}** may be imported only by:\n`, ...c.package.modules.map((m) => `- ${t(m.value)} (${t(m.label)})\n`));
  } else if (c.module) {
    const name = t(c.module.name);
    if (c.module.uses.length === 0) out.push(`**${name}** may use no other module.\n`);
    else out.push(`**${name}** may use:\n`, ...c.module.uses.map((u) => `- ${t(u.value)} (${t(u.label)})\n`));
  }
  if (c.fixes && c.fixes.length > 0) out.push('\n**Ways forward:**\n', ...c.fixes.map((f) => `- ${t(f)}\n`));
  return out.join('');
}
