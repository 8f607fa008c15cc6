import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { toMarkdown } from './markdown';

const t = (text: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text,
  ...(marks ? { marks } : {}),
});
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const cell = (type: 'tableCell' | 'tableHeader', text: string, colspan = 1): JSONContent => ({
  type,
  attrs: { colspan, rowspan: 1 },
  content: [p(t(text))],
});

describe('wiki markdown export', () => {
  it('writes every node of the schema', () => {
    const md = toMarkdown(
      {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [t('Abschnitt')] },
          p(
            t('fett', [{ type: 'bold' }]),
            t(' und '),
            t('kursiv ', [{ type: 'italic' }]),
            t('alt', [{ type: 'strike' }]),
            t(' '),
            t('a`b', [{ type: 'code' }]),
            t(' '),
            t('Link', [{ type: 'link', attrs: { href: 'https://x.example/a b(c)' } }]),
            { type: 'hardBreak' },
            t('zweite Zeile'),
          ),
          {
            type: 'bulletList',
            content: [
              {
                type: 'listItem',
                content: [
                  p(t('eins')),
                  { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('tief'))] }] },
                ],
              },
              { type: 'listItem', content: [p(t('zwei'))] },
            ],
          },
          {
            type: 'orderedList',
            attrs: { start: 3 },
            content: [{ type: 'listItem', content: [p(t('drei'))] }],
          },
          { type: 'blockquote', content: [p(t('Zitat'))] },
          { type: 'callout', attrs: { tone: 'warning' }, content: [p(t('Vorsicht'))] },
          { type: 'codeBlock', attrs: { language: 'ts' }, content: [t('const a = `x`;\n```')] },
          { type: 'horizontalRule' },
          { type: 'image', attrs: { src: '/api/wiki/pages/p/files/f', alt: 'Plan [1]' } },
        ],
      },
      'Titel *mit* Stern',
    );
    expect(md).toBe(
      [
        '# Titel \\*mit\\* Stern',
        '',
        '## Abschnitt',
        '',
        '**fett** und _kursiv_ ~~alt~~ ``a`b`` [Link](https://x.example/a%20b%28c%29)\\',
        'zweite Zeile',
        '',
        '- eins',
        '  - tief',
        '- zwei',
        '',
        '3. drei',
        '',
        '> Zitat',
        '',
        '> [!WARNING]',
        '> Vorsicht',
        '',
        '````ts',
        'const a = `x`;',
        '```',
        '````',
        '',
        '---',
        '',
        '![Plan \\[1\\]](/api/wiki/pages/p/files/f)',
        '',
      ].join('\n'),
    );
  });

  it('writes tables with a header row, spans and escaped pipes', () => {
    const md = toMarkdown({
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [cell('tableHeader', 'Name'), cell('tableHeader', 'Wert | Einheit')],
            },
            { type: 'tableRow', content: [cell('tableCell', 'über zwei', 2)] },
            { type: 'tableRow', content: [cell('tableCell', 'a'), cell('tableCell', '*b*')] },
          ],
        },
      ],
    });
    expect(md).toBe(
      [
        '| Name | Wert \\| Einheit |',
        '| --- | --- |',
        '| über zwei |  |',
        '| a | \\*b\\* |',
        '',
      ].join('\n'),
    );
  });

  it('escapes text that would become Markdown or HTML', () => {
    const md = toMarkdown({
      type: 'doc',
      content: [
        p(t('# kein Titel')),
        p(t('1. keine Liste')),
        p(t('<script>alert(1)</script> [x](javascript:y) & _z_')),
      ],
    });
    expect(md).toBe(
      '\\# kein Titel\n\n1\\. keine Liste\n\n\\<script\\>alert(1)\\</script\\> \\[x\\](javascript:y) &amp; \\_z\\_\n',
    );
  });

  it('drops unsafe link and image destinations a crafted client put into the document', () => {
    const link = (href: string) => [{ type: 'link', attrs: { href } }];
    const img = (src: string): JSONContent => ({ type: 'image', attrs: { src, alt: 'Bild' } });
    const md = toMarkdown({
      type: 'doc',
      content: [
        p(t('a', link('javascript:alert(1)')), t(' b', link(' JaVaScRiPt:alert(1)'))),
        p(t('c', link('data:text/html,<script>1</script>')), t('d', [...link('vbscript:x'), { type: 'code' }])),
        p(t('e', link('//evil.example/x')), t('f', link('/\\evil.example'))),
        p(img('javascript:alert(1)'), img('https://tracker.example/p.gif'), img('//evil.example/i.png')),
        p(t('ok', link('https://stuttgart.de/a')), t('mail', link('mailto:a@b.de')), t('rel', link('/wiki/p/x'))),
        p(img('/api/wiki/pages/p/files/0123456789abcdef01234567')),
      ],
    });
    expect(md).not.toMatch(/javascript|vbscript|data:|tracker|evil/i);
    expect(md).toContain('[ok](https://stuttgart.de/a)');
    expect(md).toContain('[mail](mailto:a@b.de)');
    expect(md).toContain('[rel](/wiki/p/x)');
    expect(md).toContain('![Bild](/api/wiki/pages/p/files/0123456789abcdef01234567)');
    expect(md).toContain('a b');
  });
});
