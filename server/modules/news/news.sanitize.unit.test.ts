import { describe, expect, it } from 'vitest';
import DOMPurify from 'isomorphic-dompurify';
import { inlineImageIds, sanitizeArticleHtml } from './news.sanitize';

const id = 'a'.repeat(24);
const file = 'b'.repeat(24);

describe('sanitizeArticleHtml', () => {
  it('keeps the allowed formatting', () => {
    const html =
      '<h2>T</h2><p><strong>b</strong> <em>i</em> <u>u</u> <s>s</s></p><ul><li>x</li></ul><blockquote>q</blockquote><pre><code>c</code></pre><hr>';
    expect(sanitizeArticleHtml(html, id)).toBe(
      '<h2>T</h2><p><strong>b</strong> <em>i</em> <u>u</u> <s>s</s></p><ul><li>x</li></ul><blockquote>q</blockquote><pre><code>c</code></pre><hr>',
    );
  });

  it('strips scripts, handlers, styles and unknown tags', () => {
    const out = sanitizeArticleHtml(
      '<p style="color:red" class="x" onclick="alert(1)">a<script>alert(1)</script></p><iframe src="https://x"></iframe><h1>big</h1><svg onload="alert(1)"></svg>',
      id,
    );
    expect(out).toBe('<p>a</p>big');
    expect(out).not.toMatch(/script|onclick|style|iframe|svg|onload/i);
  });

  it('removes javascript: and data: links and forces rel', () => {
    const out = sanitizeArticleHtml(
      '<a href="javascript:alert(1)">x</a><a href=" JaVaScRiPt:alert(1)">y</a><a href="data:text/html,x">z</a><a href="https://stuttgart.de" target="_top">ok</a><a href="/news/1" target="_blank">rel</a><a href="mailto:a@b.de">m</a>',
      id,
    );
    expect(out).not.toMatch(/javascript|data:/i);
    expect(out).toContain('<a href="https://stuttgart.de" rel="noopener noreferrer">ok</a>');
    expect(out).toContain('<a href="/news/1" target="_blank" rel="noopener noreferrer">rel</a>');
    expect(out).toContain('href="mailto:a@b.de"');
    expect(out).not.toContain('href="//');
  });

  it('keeps only images of the article itself and drops onerror', () => {
    const own = `/api/news/${id}/files/${file}`;
    const out = sanitizeArticleHtml(
      `<img src="${own}" alt="Rathaus" width="640" height="abc" onerror="alert(1)"><img src="https://evil/x.png" alt="x"><img src="/api/news/${'c'.repeat(24)}/files/${file}" alt="y"><img src="x" onerror="alert(1)">`,
      id,
    );
    expect(out).toBe(`<img src="${own}" alt="Rathaus" width="640">`);
    expect(inlineImageIds(out)).toEqual([file]);
  });

  it('rejects protocol-relative links', () => {
    expect(sanitizeArticleHtml('<a href="//evil.example">x</a>', id)).toBe(
      '<a rel="noopener noreferrer">x</a>',
    );
  });
});

describe('sanitizeArticleHtml hooks', () => {
  it('rejects backslash host links (`/\\host` is another host in browsers)', () => {
    expect(sanitizeArticleHtml('<a href="/\\evil.example">x</a>', id)).toBe(
      '<a rel="noopener noreferrer">x</a>',
    );
    expect(sanitizeArticleHtml('<a href="/news/1">x</a>', id)).toContain('href="/news/1"');
  });

  it('leaves the shared DOMPurify instance as it was (no article rules for other modules)', () => {
    sanitizeArticleHtml('<p>x</p>', id);
    // With the article hook still attached, the image would go and the link would gain `rel`.
    expect(DOMPurify.sanitize('<img src="https://cdn.example/a.png"><a href="x">l</a>')).toBe(
      '<img src="https://cdn.example/a.png"><a href="x">l</a>',
    );
  });
});
