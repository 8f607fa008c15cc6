import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { AttachmentDTO } from '@shared/chat/types';
import { i18n } from '../../../test/render';
import { MessageBody } from './MessageBody';
import { Attachments } from './Attachments';

describe('MessageBody', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('de');
  });

  it('renders formatting as elements', () => {
    const { container } = render(
      <MessageBody
        body={'**fett** *kursiv* ~~weg~~ `code`\n> Zitat\n- eins\n- zwei\n```\nx < y\n```'}
      />,
    );
    expect(container.querySelector('strong')).toHaveTextContent('fett');
    expect(container.querySelector('em')).toHaveTextContent('kursiv');
    expect(container.querySelector('s')).toHaveTextContent('weg');
    expect(container.querySelector('p code')).toHaveTextContent('code');
    expect(container.querySelector('blockquote')).toHaveTextContent('Zitat');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['eins', 'zwei']);
    expect(container.querySelector('pre > code')).toHaveTextContent('x < y');
  });

  it.each([
    '<img src=x onerror="window.__xss=1">',
    '<script>window.__xss=1</script>',
    '<a href="javascript:alert(1)">klick</a>',
    '<b onmouseover="alert(1)">x</b>',
  ])('renders %s as text, never as HTML', (body) => {
    const { container } = render(<MessageBody body={body} />);
    expect(container.querySelector('img, script, b, a, [onerror], [onmouseover]')).toBeNull();
    expect(container).toHaveTextContent(body);
  });

  it('links open safely in a new tab; javascript: and data: targets are text', () => {
    const { container } = render(
      <MessageBody
        body={
          '[Portal](https://portal.stuttgart.de) [x](javascript:alert(1)) [y](data:text/html,hi) https://a.de'
        }
      />,
    );
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://portal.stuttgart.de',
      'https://a.de',
    ]);
    for (const a of links) {
      expect(a).toHaveAttribute('target', '_blank');
      expect(a).toHaveAttribute('rel', 'noopener noreferrer');
    }
    expect(container).toHaveTextContent('[x](javascript:alert(1))');
    expect(container.querySelector('[href^="javascript"], [href^="data"]')).toBeNull();
  });

  it('mentions are chips; the viewer’s own mention and @channel stand out', () => {
    const { container } = render(
      <MessageBody
        body="Hallo @anna und @erika, @alle herhören"
        viewerUsername="Erika"
        resolveName={(u) => (u === 'anna' ? 'Anna Alt' : undefined)}
      />,
    );
    const anna = container.querySelector('[data-mention="anna"]')!;
    expect(anna.tagName).toBe('SPAN');
    expect(anna).toHaveAttribute('title', 'Anna Alt');
    expect(container.querySelector('[data-mention="erika"]')!.tagName).toBe('MARK');
    expect(screen.getByText('@channel').tagName).toBe('MARK');
  });

  it('no mention chips inside code', () => {
    const { container } = render(<MessageBody body={'`@anna` and\n```\n@bob\n```'} />);
    expect(container.querySelector('[data-mention]')).toBeNull();
  });
});

describe('Attachments', () => {
  const file = (over: Partial<AttachmentDTO>): AttachmentDTO => ({
    id: '64b0000000000000000000a1',
    name: 'Bericht.pdf',
    size: 1536,
    contentType: 'application/pdf',
    image: null,
    url: '/api/conversations/c/files/64b0000000000000000000a1',
    ...over,
  });

  it('images show a preview with the file name as alt and open in a new tab', () => {
    render(
      <Attachments
        attachments={[
          file({
            name: '<img onerror=x>.png',
            contentType: 'image/png',
            image: { width: 100, height: 50, previewUrl: '/api/conversations/c/files/f?preview=1' },
          }),
        ]}
      />,
    );
    const img = screen.getByRole('img', { name: '<img onerror=x>.png' });
    expect(img).toHaveAttribute('src', '/api/conversations/c/files/f?preview=1');
    const link = img.closest('a')!;
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('files are download chips with their size; foreign URLs are not linked', () => {
    render(
      <Attachments
        attachments={[
          file({}),
          file({ id: '64b0000000000000000000a2', name: 'evil', url: 'javascript:alert(1)' }),
        ]}
      />,
    );
    const link = screen.getByRole('link', { name: /Bericht\.pdf herunterladen \(1,5 kB\)/ });
    expect(link).toHaveAttribute('download', 'Bericht.pdf');
    expect(screen.getAllByRole('link')).toHaveLength(1);
    expect(screen.getByText('evil')).toBeInTheDocument();
  });
});
