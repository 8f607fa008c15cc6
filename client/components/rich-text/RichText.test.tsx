import { describe, it, expect } from 'vitest';
import { render } from '@testing-library/react';
import { courseImageSrc } from '@shared/learning/images';
import { RichText, sanitizeRichText } from './RichText';

const ID = 'a'.repeat(24);
const FILE = 'b'.repeat(24);

describe('sanitizeRichText (second pass in the browser)', () => {
  it('keeps the allow-listed structure', () => {
    const html = `<h2>Titel</h2><p><strong>fett</strong> <em>kursiv</em></p><ul><li>eins</li></ul><img src="/api/news/${ID}/files/${FILE}" alt="Bild" width="10" height="5">`;
    const out = sanitizeRichText(html);
    expect(out).toContain('<h2>Titel</h2>');
    expect(out).toContain('<strong>fett</strong>');
    expect(out).toContain(`src="/api/news/${ID}/files/${FILE}"`);
    expect(out).toContain('alt="Bild"');
  });

  it('removes scripts, handlers, styles, javascript: links and foreign images', () => {
    const out = sanitizeRichText(
      '<p onclick="x()" style="color:red">a</p><script>window.__xss=1</script>' +
        '<a href="javascript:alert(1)">j</a><img src="https://evil.example/x.png" onerror="alert(1)">' +
        '<iframe src="https://evil.example"></iframe><svg><script>1</script></svg><h1>h1</h1>',
    );
    expect(out).not.toMatch(/script|onclick|onerror|style=|javascript:|iframe|svg|evil|<h1/i);
  });

  it('opens external links safely', () => {
    const out = sanitizeRichText('<a href="https://www.stuttgart.de">S</a><a href="/people">P</a>');
    expect(out).toContain(
      '<a href="https://www.stuttgart.de" target="_blank" rel="noopener noreferrer">S</a>',
    );
    expect(out).toContain('<a href="/people">P</a>');
  });
});

describe('image sources (news by default, a course when asked)', () => {
  const COURSE = 'c'.repeat(24);
  const OTHER = 'd'.repeat(24);
  const own = `/api/learning/courses/${COURSE}/files/${FILE}`;
  const foreign = `/api/learning/courses/${OTHER}/files/${FILE}`;
  const news = `/api/news/${ID}/files/${FILE}`;
  const html = [own, foreign, news, 'https://evil.example/x.png']
    .map((src, i) => `<img src="${src}" alt="Bild ${i}">`)
    .join('');

  it('the learning pattern keeps this course\'s image and drops every other', () => {
    const out = sanitizeRichText(html, courseImageSrc(COURSE));
    expect(out).toContain(`src="${own}"`);
    expect(out).toContain('alt="Bild 0"');
    expect(out).not.toContain(OTHER);
    expect(out).not.toContain('/api/news/');
    expect(out).not.toContain('evil');
  });

  it('the news pattern is unchanged: news images only, also after a course call', () => {
    sanitizeRichText(html, courseImageSrc(COURSE));
    const out = sanitizeRichText(html);
    expect(out).toContain(`src="${news}"`);
    expect(out).not.toContain('/api/learning/');
    expect(out).not.toContain('evil');
    expect(sanitizeRichText(html, null)).not.toContain('<img');
  });

  it('renders the kept image lazily with its alt text', () => {
    const { container } = render(<RichText html={html} imageSrc={courseImageSrc(COURSE)} />);
    const imgs = container.querySelectorAll('img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]?.getAttribute('src')).toBe(own);
    expect(imgs[0]?.getAttribute('alt')).toBe('Bild 0');
    expect(imgs[0]?.getAttribute('loading')).toBe('lazy');
  });
});
