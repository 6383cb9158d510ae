import { describe, expect, it } from 'vitest';
import { escapeHtml, renderInline, renderMarkdown, sanitize, splitMarkdown } from './markdown';

/** Parses rendered HTML into a detached container to inspect it as the webview would. */
function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

/** True when no element carries an event handler attribute or a script-like URL. */
function inert(html: string): boolean {
  const root = dom(html);
  if (root.querySelector('script, iframe, object, embed, svg, math, img, style')) return false;
  for (const el of root.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.toLowerCase().startsWith('on')) return false;
      if (/^\s*(javascript|data|vbscript):/i.test(attr.value)) return false;
    }
  }
  return true;
}

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('# Plan\n\n- **ship** it\n- read `docs`');
    const root = dom(html);
    expect(root.querySelector('h1')?.textContent).toBe('Plan');
    expect(root.querySelectorAll('li')).toHaveLength(2);
    expect(root.querySelector('strong')?.textContent).toBe('ship');
    expect(root.querySelector('code')?.textContent).toBe('docs');
  });

  it('keeps line breaks typed in notes', () => {
    expect(dom(renderMarkdown('one\ntwo')).querySelector('br')).not.toBeNull();
  });

  const attacks: [string, string, string][] = [
    ['script block', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['script inline', 'hello <script>alert(1)</script> there', '<script>'],
    ['img onerror', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['img onerror inline', 'see <img src=x onerror="alert(1)"> here', 'onerror'],
    ['svg onload', '<svg onload=alert(1)><circle r=5 /></svg>', '<svg onload=alert(1)>'],
    ['iframe', '<iframe src="javascript:alert(1)"></iframe>', '<iframe'],
    ['details ontoggle', '<details open ontoggle=alert(1)>x</details>', 'ontoggle'],
    ['style tag', '<style>body{display:none}</style>', '<style>'],
  ];

  for (const [name, source, shownText] of attacks) {
    it(`shows raw HTML as inert text: ${name}`, () => {
      const html = renderMarkdown(source);
      expect(inert(html)).toBe(true);
      expect(dom(html).textContent).toContain(shownText);
    });
  }

  it('drops javascript: links but keeps their text', () => {
    for (const src of [
      '[click](javascript:alert(1))',
      '[click](JAVASCRIPT:alert(1))',
      '[click]( javascript:alert(1))',
      '[click](&#106;avascript:alert(1))',
      '[click](vbscript:msgbox(1))',
      '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    ]) {
      const html = renderMarkdown(src);
      expect(inert(html), src).toBe(true);
      const a = dom(html).querySelector('a');
      expect(a?.getAttribute('href') ?? null, src).toBeNull();
      expect(dom(html).textContent).toContain('click');
    }
  });

  it('keeps web links and marks them external', () => {
    const a = dom(renderMarkdown('[MR](https://gitlab.com/x/-/merge_requests/1)')).querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://gitlab.com/x/-/merge_requests/1');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a?.dataset.external).toBe('true');
    expect(a?.hasAttribute('target')).toBe(false);
  });

  it('turns images into links, so nothing remote loads', () => {
    const html = renderMarkdown('![chart](https://example.com/c.png)');
    expect(dom(html).querySelector('img')).toBeNull();
    expect(dom(html).querySelector('a')?.textContent).toBe('chart');
  });

  it('drops images with script URLs entirely', () => {
    const html = renderMarkdown('![x](javascript:alert(1))');
    expect(inert(html)).toBe(true);
  });

  it('handles empty input', () => {
    expect(renderMarkdown('')).toBe('');
  });
});

describe('renderInline', () => {
  it('renders search snippets with bold matches and no paragraph', () => {
    const html = renderInline('…talked about the **roadmap** for…');
    expect(html).not.toContain('<p>');
    expect(dom(html).querySelector('strong')?.textContent).toBe('roadmap');
  });

  it('keeps snippets inert', () => {
    const html = renderInline('**<img src=x onerror=alert(1)>**');
    expect(inert(html)).toBe(true);
    expect(dom(html).textContent).toContain('onerror');
  });
});

describe('sanitize', () => {
  it('removes handlers and scripts from arbitrary HTML', () => {
    const html = sanitize('<p onclick="x()">a<script>b()</script><svg><g onload="c()"/></svg></p>');
    expect(inert(html)).toBe(true);
    expect(dom(html).textContent).toBe('a');
  });
});

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('splitMarkdown', () => {
  const section = (i: number) =>
    `## PM ${i}\n\nSome **notes** for ${i}.\n\n- a list\n- with items\n\n| a | b |\n|---|---|\n| ${i} | x |\n\n` +
    '```\n# not a heading, inside a fence\n```\n\n> quoted\n';
  const doc = `# Monthly summary\n\nIntro.\n\n${Array.from({ length: 60 }, (_, i) => section(i)).join('\n')}`;

  it('cuts only before headings, into parts that join back to the source', () => {
    const parts = splitMarkdown(doc, 1_000);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.join('')).toBe(doc);
    for (const part of parts.slice(1)) expect(part).toMatch(/^## PM \d+\n/);
  });

  it('renders part by part to what the whole renders to', () => {
    const whole = renderMarkdown(doc);
    const byParts = splitMarkdown(doc, 1_000).map(renderMarkdown).join('');
    expect(byParts.replace(/\n/g, '')).toBe(whole.replace(/\n/g, ''));
  });

  it('never cuts inside a fenced code block', () => {
    const fenced = `${'x'.repeat(50)}\n\n~~~~\n# inside\n~~~\n# still inside\n~~~~\n# after\n`;
    expect(splitMarkdown(fenced, 10)).toEqual([`${'x'.repeat(50)}\n\n~~~~\n# inside\n~~~\n# still inside\n~~~~\n`, '# after\n']);
  });

  it('keeps a short or heading-less document whole', () => {
    expect(splitMarkdown('just text', 1)).toEqual(['just text']);
    expect(splitMarkdown('', 1)).toEqual(['']);
  });
});

describe('status badges', () => {
  it('draws the summary emoji as badges with a name, in text and tables', () => {
    const html = dom(renderMarkdown('| PM | 1:1s |\n|---|---|\n| Ada | ✅ 3/3 |\n| Bo | ⚠️ 2/3 |\n| Cy | ❌ 0/3 |\n\nall ✅ here'));
    const marks = [...html.querySelectorAll('span.status-badge')].map((b) => [b.className, b.textContent, b.getAttribute('role'), b.getAttribute('aria-label')]);
    expect(marks).toEqual([
      ['status-badge ok', '✓', 'img', 'yes'],
      ['status-badge warn', '!', 'img', 'warning'],
      ['status-badge bad', '✗', 'img', 'no'],
      ['status-badge ok', '✓', 'img', 'yes'],
    ]);
    expect(html.textContent).not.toMatch(/✅|⚠|❌/u);
    expect(html.querySelector('td')?.textContent).toBe('Ada');
  });

  it('keeps the emoji as written in code, and a bare warning sign too', () => {
    const html = dom(renderMarkdown('`✅ done`\n\n```\n❌ no\n```\n\n⚠ plain'));
    expect(html.querySelector('code')?.textContent).toBe('✅ done');
    expect(html.querySelector('pre')?.textContent).toContain('❌ no');
    expect(html.querySelectorAll('span.status-badge')).toHaveLength(1);
    expect(html.querySelector('span.status-badge')?.className).toBe('status-badge warn');
  });
});
