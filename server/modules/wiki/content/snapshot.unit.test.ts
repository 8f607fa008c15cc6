import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { getSchema, type JSONContent } from '@tiptap/core';
import { COLLAB_FIELD } from '@shared/wiki/schemas';
import { wikiExtensions, wikiFileUrl, pageLinkHref } from '@shared/wiki/extensions';
import { docJSON, renderSnapshot, sanitizeWikiHtml } from './snapshot';

const PAGE = '0b5c3a9e-1f2d-4c3b-9a8e-7d6c5b4a3f21';
const OTHER = '1b5c3a9e-1f2d-4c3b-9a8e-7d6c5b4a3f22';
const FILE = 'a'.repeat(24);

const p = (text: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(marks ? { marks } : {}) }],
});

describe('wiki snapshot', () => {
  it('renders headings with anchors, outline, text, page links and own files', () => {
    const s = renderSnapshot(
      {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Titel' }] },
          p('Siehe', [{ type: 'link', attrs: { href: pageLinkHref(OTHER) } }]),
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Teil' }] },
          { type: 'image', attrs: { src: wikiFileUrl(PAGE, FILE), alt: 'Plan' } },
          {
            type: 'callout',
            attrs: { tone: 'warning' },
            content: [p('Achtung')],
          },
        ],
      },
      PAGE,
    );
    expect(s.html).toContain('<h1 id="h-1">Titel</h1>');
    expect(s.html).toContain('<h3 id="h-2">Teil</h3>');
    expect(s.html).toContain(`<img src="${wikiFileUrl(PAGE, FILE)}" alt="Plan">`);
    expect(s.html).toContain('<div data-callout="" data-tone="warning">');
    expect(s.toc).toEqual([
      { level: 1, text: 'Titel', anchor: 'h-1' },
      { level: 3, text: 'Teil', anchor: 'h-2' },
    ]);
    expect(s.links).toEqual([OTHER]);
    expect(s.fileIds).toEqual([FILE]);
    expect(s.text).toBe('Titel\nSiehe\nTeil\nAchtung');
  });

  it('keeps nothing executable from hostile HTML', () => {
    const { html } = sanitizeWikiHtml(
      [
        '<p>a<script>alert(1)</script></p>',
        '<img src="x" onerror="alert(1)">',
        `<img src="${wikiFileUrl(PAGE, FILE)}" onerror="alert(1)">`,
        `<img src="${wikiFileUrl(OTHER, FILE)}">`,
        '<img src="data:image/png;base64,AAAA">',
        '<a href="javascript:alert(1)">j</a>',
        '<a href=" JaVaScRiPt:alert(1)">j2</a>',
        '<a href="data:text/html,<script>alert(1)</script>">d</a>',
        '<a href="//evil.example/x">proto-relative</a>',
        '<div data-callout data-tone="x&quot; onmouseover=&quot;alert(1)" onclick="alert(1)" style="color:red"><p>c</p></div>',
        '<div data-callout data-tone="warning"><div data-callout data-tone="javascript:alert(1)"><p>n</p></div></div>',
        '<svg onload="alert(1)"><circle/></svg>',
        '<iframe src="https://evil.example"></iframe>',
        '<table><tr><td colspan="2&quot; onclick=x" style="x">t</td></tr></table>',
        '<p id="h-1" class="x" onclick="alert(1)">p</p>',
        '<form action="https://evil"><input name="a"></form>',
      ].join(''),
      PAGE,
    );
    expect(html).not.toMatch(
      /<script|onerror|onload|onclick|onmouseover|javascript:|data:|<svg|<iframe|<form|<input|style=|class=|evil/i,
    );
    expect(html).toContain(`<img src="${wikiFileUrl(PAGE, FILE)}" alt="">`);
    expect(html).not.toContain(wikiFileUrl(OTHER, FILE));
    expect(html).toContain('<div data-callout="" data-tone="info"><p>c</p></div>');
    expect(html).toContain('<div data-callout="" data-tone="info"><p>n</p></div>');
    expect(html).toContain('<p>p</p>');
  });

  it('renders hostile content pushed into the Y document safely', () => {
    const doc = new Y.Doc();
    const schema = getSchema(wikiExtensions());
    prosemirrorJSONToYXmlFragment(
      schema,
      {
        type: 'doc',
        content: [
          p('<img src=x onerror=alert(1)>'),
          p('klick', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
          { type: 'image', attrs: { src: 'https://evil.example/t.png' } },
        ],
      },
      doc.getXmlFragment(COLLAB_FIELD),
    );
    const s = renderSnapshot(docJSON(doc), PAGE);
    expect(s.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(s.html).not.toMatch(/<img|javascript:|evil/);
  });
});
