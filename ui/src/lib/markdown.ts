/**
 * Markdown → safe HTML, the only way user text becomes markup.
 *
 * Two layers, so that one mistake is not enough:
 * 1. `marked` never passes raw HTML through: an HTML block or tag typed in a
 *    note is rendered as escaped text (a note containing `<script>` shows
 *    `<script>`), and images are shown as links (no remote content loads).
 * 2. DOMPurify then sanitizes the result with the HTML profile only (no SVG,
 *    no MathML), drops event-handler attributes, and keeps only `http:`,
 *    `https:`, `mailto:` and in-page `#` links.
 *
 * `Markdown.svelte` is the one component that inserts HTML, and only from here.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/** Escapes text for use inside HTML (text or a quoted attribute). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML in a note is text, never markup.
    html({ text }) {
      return escapeHtml(text);
    },
    // Task lists (`- [ ]`, `- [x]`) show a box as text: the sanitizer drops
    // every <input>.
    checkbox({ checked }) {
      return checked ? '☑ ' : '☐ ';
    },
    // No remote images: an image becomes a link to it.
    image({ href, text }) {
      const label = escapeHtml(text || href);
      return `<a href="${escapeHtml(href)}">${label}</a>`;
    },
  },
});

/** Links allowed to stay: web, mail, and anchors within the page. */
const SAFE_URL = /^(?:https?:|mailto:|#)/i;

let purifier: ReturnType<typeof DOMPurify> | null = null;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_URL.test(href.trim())) node.removeAttribute('href');
      if (node.hasAttribute('href') && !href.startsWith('#')) {
        node.setAttribute('rel', 'noopener noreferrer');
        node.setAttribute('data-external', 'true');
      }
      node.removeAttribute('target');
    }
  });
  purifier = p;
  return p;
}

const PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'img', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'video', 'audio', 'source', 'object', 'embed'],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction'],
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
};

/** Sanitizes HTML (already rendered) into inert markup. */
export function sanitize(html: string): string {
  return getPurifier().sanitize(html, PURIFY_CONFIG) as unknown as string;
}

/** Renders Markdown (block level: paragraphs, lists, headings…) into safe HTML. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source ?? '', { async: false }) as string;
  return sanitize(html);
}

/** Renders one line of Markdown (bold, links, code) into safe HTML, without a paragraph. */
export function renderInline(source: string): string {
  const html = marked.parseInline(source ?? '', { async: false }) as string;
  return sanitize(html);
}
