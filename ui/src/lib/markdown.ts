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

/**
 * The summary's status emoji (✅ ⚠️ ❌), shown in the app as small badges
 * drawn from plain text marks and colours: a desktop without an emoji font
 * (a minimal Debian) shows the emoji as empty boxes. Exports keep the emoji
 * for GitLab; only the preview changes. Code keeps them as written.
 */
const BADGES: Record<string, { kind: string; mark: string; label: string }> = {
  '✅': { kind: 'ok', mark: '✓', label: 'yes' },
  '⚠️': { kind: 'warn', mark: '!', label: 'warning' },
  '⚠': { kind: 'warn', mark: '!', label: 'warning' },
  '❌': { kind: 'bad', mark: '✗', label: 'no' },
};
const BADGE_AT = /✅|⚠\uFE0F?|❌/u;
const BADGE_START = /^(?:✅|⚠\uFE0F?|❌)/u;

const badges = {
  name: 'statusBadge',
  level: 'inline' as const,
  start(src: string) {
    const at = src.search(BADGE_AT);
    return at < 0 ? undefined : at;
  },
  tokenizer(src: string) {
    const m = BADGE_START.exec(src);
    return m ? { type: 'statusBadge', raw: m[0] } : undefined;
  },
  renderer(token: { raw: string }) {
    const b = BADGES[token.raw];
    return `<span class="status-badge ${b.kind}" role="img" aria-label="${b.label}">${b.mark}</span>`;
  },
};

const marked = new Marked({
  extensions: [badges],
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

/**
 * Splits a long Markdown document into parts of about `target` characters
 * that render, one by one, to what the whole renders to — so a very large
 * summary can be shown part by part without the page freezing.
 *
 * A part starts only at a heading line (`#` to `######` at the start of the
 * line) outside a fenced code block: a heading always ends the paragraph,
 * list or quote before it, so nothing spans the cut. (The one difference: raw
 * HTML typed in a note that opens a block and never closes it — shown as text
 * either way — stops at the next heading instead of swallowing the rest.)
 */
export function splitMarkdown(source: string, target = 40_000): string[] {
  const parts: string[] = [];
  let start = 0;
  let fence: string | null = null;
  let at = 0;
  while (at < source.length) {
    const end = source.indexOf('\n', at);
    const next = end === -1 ? source.length : end + 1;
    const line = source.slice(at, next);
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && line.trim() === opener[1]) fence = null;
    } else if (opener) {
      fence = opener[1];
    } else if (at - start >= target && /^#{1,6}(?:[ \t]|\r?\n|$)/.test(line)) {
      parts.push(source.slice(start, at));
      start = at;
    }
    at = next;
  }
  if (start < source.length || parts.length === 0) parts.push(source.slice(start));
  return parts;
}
