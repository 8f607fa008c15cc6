import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFilename } from './headers';

describe('contentDisposition', () => {
  it('keeps plain ASCII names as a quoted filename only', () => {
    expect(contentDisposition('report-2026.pdf')).toBe('attachment; filename="report-2026.pdf"');
  });

  it('adds an RFC 5987 filename* for non-ASCII names with an ASCII fallback', () => {
    expect(contentDisposition('Übersicht Straße.pdf')).toBe(
      `attachment; filename="Ubersicht Strasse.pdf"; filename*=UTF-8''%C3%9Cbersicht%20Stra%C3%9Fe.pdf`,
    );
  });

  it("percent-encodes the characters encodeURIComponent leaves alone: ' ( ) *", () => {
    const header = contentDisposition("Plan (endgültig) *v2* it's.txt");
    expect(header).toContain(`filename="Plan (endgultig) *v2* it's.txt"`);
    expect(header).toContain(
      `filename*=UTF-8''Plan%20%28endg%C3%BCltig%29%20%2Av2%2A%20it%27s.txt`,
    );
  });

  it('cannot break out of the quoted string or inject header lines', () => {
    const header = contentDisposition('a"; filename=evil.html\r\nSet-Cookie: x=1.txt');
    expect(header).not.toMatch(/[\r\n]/);
    const quoted = /filename="([^"]*)"/.exec(header)?.[1];
    expect(quoted).toBe('a_; filename=evil.htmlSet-Cookie: x=1.txt');
    expect(header.startsWith('attachment; filename="a_;')).toBe(true);
  });

  it('encodes emoji and other non-Latin scripts', () => {
    expect(contentDisposition('Привет 👋.txt', 'inline')).toBe(
      `inline; filename="______ _.txt"; filename*=UTF-8''%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82%20%F0%9F%91%8B.txt`,
    );
  });
});

describe('safeFilename', () => {
  it('drops directories, leading dots, control and bidi characters', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\x\\..bashrc')).toBe('bashrc');
    expect(safeFilename('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeFilename('\u0000\u0007')).toBe('download');
  });

  it('limits the length', () => {
    expect([...safeFilename('ä'.repeat(500))]).toHaveLength(200);
  });
});
