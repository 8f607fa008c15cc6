import { describe, expect, it } from 'vitest';
import {
  extractMentions,
  isSafeHref,
  parseMarkdown,
  toPlainText,
  type MdBlock,
  type MdInline,
} from './markdown';

const text = (t: string): MdInline => ({ type: 'text', text: t });
/** Inline children of a one-paragraph message. */
function inline(source: string): MdInline[] {
  const blocks = parseMarkdown(source);
  expect(blocks).toHaveLength(1);
  expect(blocks[0]!.type).toBe('paragraph');
  return (blocks[0] as Extract<MdBlock, { type: 'paragraph' }>).children;
}
function allLinks(nodes: MdInline[]): string[] {
  return nodes.flatMap((n) =>
    n.type === 'link'
      ? [n.href, ...allLinks(n.children)]
      : 'children' in n
        ? allLinks(n.children)
        : [],
  );
}

describe('inline formatting', () => {
  it.each<[string, MdInline[]]>([
    ['plain text', [text('plain text')]],
    ['**bold**', [{ type: 'strong', children: [text('bold')] }]],
    ['__bold__', [{ type: 'strong', children: [text('bold')] }]],
    ['*em*', [{ type: 'em', children: [text('em')] }]],
    ['_em_', [{ type: 'em', children: [text('em')] }]],
    ['~~gone~~', [{ type: 'strike', children: [text('gone')] }]],
    ['~one~', [text('~one~')]],
    ['`a *b* c`', [{ type: 'code', text: 'a *b* c' }]],
    ['``a ` b``', [{ type: 'code', text: 'a ` b' }]],
    ['` `` `', [{ type: 'code', text: '``' }]],
    ['```x```', [{ type: 'code', text: 'x' }]],
    ['a `unclosed', [text('a `unclosed')]],
    ['***both***', [{ type: 'em', children: [{ type: 'strong', children: [text('both')] }] }]],
    [
      '*a **b** c*',
      [
        {
          type: 'em',
          children: [text('a '), { type: 'strong', children: [text('b')] }, text(' c')],
        },
      ],
    ],
    [
      '**a *b* c**',
      [
        {
          type: 'strong',
          children: [text('a '), { type: 'em', children: [text('b')] }, text(' c')],
        },
      ],
    ],
    ['~~**x**~~', [{ type: 'strike', children: [{ type: 'strong', children: [text('x')] }] }]],
    ['**unclosed', [text('**unclosed')]],
    ['*unclosed **mixed', [text('*unclosed **mixed')]],
    ['** not bold **', [text('** not bold **')]],
    ['snake_case_name', [text('snake_case_name')]],
    ['2 * 3 * 4', [text('2 * 3 * 4')]],
    ['\\*not em\\*', [text('*not em*')]],
    ['a\\b', [text('a\\b')]],
    ['\\@anna', [text('@anna')]],
    ['<b>bold</b>', [text('<b>bold</b>')]],
  ])('%j', (source, expected) => {
    expect(inline(source)).toEqual(expected);
  });

  it('turns newlines into line breaks and trims line ends', () => {
    expect(inline('one  \n  two')).toEqual([text('one'), { type: 'break' }, text('two')]);
  });
});

describe('links', () => {
  it('[text](https://…) is a link with formatted text', () => {
    expect(inline('see [the **docs**](https://example.org/a?b=1#c)')).toEqual([
      text('see '),
      {
        type: 'link',
        href: 'https://example.org/a?b=1#c',
        children: [text('the '), { type: 'strong', children: [text('docs')] }],
      },
    ]);
  });

  it('mailto links are allowed', () => {
    expect(inline('[mail](mailto:anna@stuttgart.de)')).toEqual([
      { type: 'link', href: 'mailto:anna@stuttgart.de', children: [text('mail')] },
    ]);
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JavaScript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox)',
    '[x](//evil.example)',
    '[x](file:///etc/passwd)',
    '[x](https://)',
    '[x](mailto:nobody)',
  ])('%s stays text', (source) => {
    const nodes = inline(source);
    expect(allLinks(nodes)).toEqual([]);
    expect(nodes.map((n) => (n.type === 'text' ? n.text : '')).join('')).toContain('[x](');
  });

  it('a target with spaces or quotes is no link; the bare URL in it is autolinked alone', () => {
    expect(allLinks(inline('[x](https://a.de onclick=x)'))).toEqual(['https://a.de']);
    expect(allLinks(inline('[x](https://a.de"onmouseover="x)'))).toEqual(['https://a.de']);
  });

  it('bare https URLs become links without trailing punctuation', () => {
    expect(inline('Look: https://stuttgart.de/a_(b). Ok?')).toEqual([
      text('Look: '),
      {
        type: 'link',
        href: 'https://stuttgart.de/a_(b)',
        children: [text('https://stuttgart.de/a_(b)')],
      },
      text('. Ok?'),
    ]);
  });

  it('an autolink inside parentheses or emphasis stops before the markers', () => {
    expect(allLinks(inline('(see https://a.de/x)'))).toEqual(['https://a.de/x']);
    expect(inline('**https://a.de**')).toEqual([
      {
        type: 'strong',
        children: [{ type: 'link', href: 'https://a.de', children: [text('https://a.de')] }],
      },
    ]);
  });

  it('javascript: and www. are not autolinked; http inside a word neither', () => {
    expect(allLinks(inline('javascript:alert(1) www.a.de xhttps://a.de'))).toEqual([]);
  });

  it('no link inside a link: the inner one wins, the outer stays text', () => {
    const nodes = inline('[a [b](https://b.de)](https://c.de)');
    expect(nodes[1]).toEqual({ type: 'link', href: 'https://b.de', children: [text('b')] });
    expect(allLinks(nodes)).not.toContain('https://a.de');
  });

  it('after a link inside brackets, later links work again', () => {
    expect(allLinks(inline('[a [b](https://b.de) ] [c](https://c.de)'))).toEqual([
      'https://b.de',
      'https://c.de',
    ]);
  });

  it('an autolink or mention in link text is plain text of the link', () => {
    expect(inline('[https://x.de @anna](https://y.de)')).toEqual([
      { type: 'link', href: 'https://y.de', children: [text('https://x.de @anna')] },
    ]);
  });

  it('empty link text shows the address', () => {
    expect(inline('[](https://a.de)')).toEqual([
      { type: 'link', href: 'https://a.de', children: [text('https://a.de')] },
    ]);
  });

  it('isSafeHref allows only http(s) and mailto', () => {
    expect(isSafeHref('https://a.de')).toBe(true);
    expect(isSafeHref('HTTP://A.DE')).toBe(true);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref(' https://a.de')).toBe(false);
    expect(isSafeHref('https://a.de/\n')).toBe(false);
  });
});

describe('mentions', () => {
  it('@username and @channel / @all / @alle', () => {
    expect(inline('@anna.mueller, @Ben_2 and @channel @ALL @alle')).toEqual([
      { type: 'mention', username: 'anna.mueller' },
      text(', '),
      { type: 'mention', username: 'ben_2' },
      text(' and '),
      { type: 'mentionAll' },
      text(' '),
      { type: 'mentionAll' },
      text(' '),
      { type: 'mentionAll' },
    ]);
  });

  it('trailing dots are punctuation; e-mail addresses are not mentions', () => {
    expect(inline('Hi @anna. Mail a@b.de')).toEqual([
      text('Hi '),
      { type: 'mention', username: 'anna' },
      text('. Mail a@b.de'),
    ]);
  });

  it('a lone @ is text', () => {
    expect(inline('@ home')).toEqual([text('@ home')]);
  });

  it('mentions inside emphasis count, inside code they do not', () => {
    expect(extractMentions('**@anna** `@ben` _@carl_\n```\n@dora @channel\n```')).toEqual({
      usernames: ['anna', 'carl'],
      all: false,
    });
  });

  it('extractMentions deduplicates and finds @channel in quotes and lists', () => {
    expect(extractMentions('@b @a @b\n> @all\n- @c')).toEqual({
      usernames: ['b', 'a', 'c'],
      all: true,
    });
  });
});

describe('blocks', () => {
  it('fenced code keeps its text verbatim, no inline parsing', () => {
    expect(
      parseMarkdown('before\n```ts\nconst x = **1**; // @anna <b>\n  indented\n```\nafter'),
    ).toEqual([
      { type: 'paragraph', children: [text('before')] },
      { type: 'code', text: 'const x = **1**; // @anna <b>\n  indented' },
      { type: 'paragraph', children: [text('after')] },
    ]);
  });

  it('an unclosed fence runs to the end; a fence closing at a line end is accepted', () => {
    expect(parseMarkdown('```\na\nb')).toEqual([{ type: 'code', text: 'a\nb' }]);
    expect(parseMarkdown('```\na\nb```')).toEqual([{ type: 'code', text: 'a\nb' }]);
  });

  it('quotes nest and end at a line without >', () => {
    expect(parseMarkdown('> one\n> > two\nthree')).toEqual([
      {
        type: 'quote',
        children: [
          { type: 'paragraph', children: [text('one')] },
          { type: 'quote', children: [{ type: 'paragraph', children: [text('two')] }] },
        ],
      },
      { type: 'paragraph', children: [text('three')] },
    ]);
  });

  it('quotes deeper than five levels stay text', () => {
    const blocks = parseMarkdown('>>>>>>>>>> deep');
    let depth = 0;
    let current: MdBlock[] = blocks;
    while (current[0]?.type === 'quote') {
      depth++;
      current = current[0].children;
    }
    expect(depth).toBe(5);
    expect(current[0]).toEqual({ type: 'paragraph', children: [text('>>>>> deep')] });
  });

  it('bullet and ordered lists, with continuation lines and loose items', () => {
    expect(parseMarkdown('Todo:\n- **one**\n* two\n  more\n\n+ three\n\n1. a\n2) b')).toEqual([
      { type: 'paragraph', children: [text('Todo:')] },
      {
        type: 'list',
        ordered: false,
        items: [
          [{ type: 'strong', children: [text('one')] }],
          [text('two'), { type: 'break' }, text('more')],
          [text('three')],
        ],
      },
      { type: 'list', ordered: true, items: [[text('a')], [text('b')]] },
    ]);
  });

  it('a number in running text does not start a list inside a paragraph', () => {
    expect(parseMarkdown('Am\n2024. ging es los')).toEqual([
      { type: 'paragraph', children: [text('Am'), { type: 'break' }, text('2024. ging es los')] },
    ]);
  });

  it('markers without a space are not lists, *em* at a line start is emphasis', () => {
    expect(parseMarkdown('-5 Grad\n*kalt*')).toEqual([
      {
        type: 'paragraph',
        children: [text('-5 Grad'), { type: 'break' }, { type: 'em', children: [text('kalt')] }],
      },
    ]);
  });

  it('blank lines separate paragraphs; CRLF is normalised; empty input is empty', () => {
    expect(parseMarkdown('a\r\n\r\n\r\nb')).toEqual([
      { type: 'paragraph', children: [text('a')] },
      { type: 'paragraph', children: [text('b')] },
    ]);
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown('   \n  ')).toEqual([]);
  });
});

describe('no HTML, ever', () => {
  it.each([
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<a href="javascript:alert(1)">x</a>',
    '&lt;b&gt; &amp;',
  ])('%s is text', (source) => {
    expect(inline(source)).toEqual([text(source)]);
  });
});

describe('toPlainText', () => {
  it('strips markers and joins blocks into one line', () => {
    expect(toPlainText('**Hi** _there_ @anna @all\n> quoted\n- one\n- two\n```\ncode\n```')).toBe(
      'Hi there @anna @channel quoted one two code',
    );
  });

  it('link text, not the address', () => {
    expect(toPlainText('[Portal](https://portal.de) and https://a.de')).toBe(
      'Portal and https://a.de',
    );
  });

  it('shortens to max characters with an ellipsis, never splitting an emoji', () => {
    expect(toPlainText('abcdefghij', 5)).toBe('abcd…');
    expect(toPlainText('abcde', 5)).toBe('abcde');
    expect(toPlainText('😀😀😀😀😀😀', 3)).toBe('😀😀…');
    expect(Array.from(toPlainText('word '.repeat(100), 140)).length).toBeLessThanOrEqual(140);
  });
});

describe('pathological input stays linear (4,000 characters)', () => {
  // Each input would take seconds with a backtracking or rescanning parser; the suite's
  // default time limit is the check.
  it.each([
    ['*', '*'.repeat(4000)],
    ['alternating *a', '*a '.repeat(1333)],
    ['unclosed _ and *', '_a *'.repeat(1000)],
    ['brackets', '[a]('.repeat(800)],
    ['open brackets', '['.repeat(4000)],
    ['backticks', '` `` ```'.repeat(500)],
    ['quotes', '>'.repeat(4000)],
    ['urls', 'https://'.repeat(500)],
    ['mentions', '@a'.repeat(2000)],
    ['tildes', '~~a'.repeat(1333)],
    ['list lines', '- x\n'.repeat(1000)],
    ['escapes', '\\*'.repeat(2000)],
  ])('%s', (_name, source) => {
    for (let round = 0; round < 5; round++) parseMarkdown(source);
    expect(toPlainText(source).length).toBeGreaterThan(0);
  });

  it('4,000 stars are text', () => {
    expect(inline('*'.repeat(4000))).toEqual([text('*'.repeat(4000))]);
  });
});
