// Markdown to HTML for the generated page and the schema's hovers, with markdown-it's raw HTML off:
// anything a protocol file says that looks like HTML is shown as text, never made into elements, and
// links other than http(s)/mailto are refused by markdown-it's own link check.

import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const defaultLink = md.renderer.rules['link_open'];
// Links open outside the page (and leave it knowingly): a new tab, no referrer.
md.renderer.rules['link_open'] = (tokens, i, options, env, self) => {
  tokens[i]?.attrSet('target', '_blank');
  tokens[i]?.attrSet('rel', 'noopener noreferrer');
  return defaultLink ? defaultLink(tokens, i, options, env, self) : self.renderToken(tokens, i, options);
};

export function markdownToHtml(markdown: string): string {
  return md.render(markdown);
}
