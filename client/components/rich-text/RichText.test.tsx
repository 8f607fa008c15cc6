import { describe, it, expect } from 'vitest';
import { sanitizeRichText } from './RichText';

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
