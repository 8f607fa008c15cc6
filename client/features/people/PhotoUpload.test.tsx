import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../lib/i18n';
import { resetCsrf } from '../../lib/api';
import { PhotoUpload } from './PhotoUpload';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

let calls: Call[];
let answer: (call: Call) => Response | Promise<Response>;

beforeEach(async () => {
  await i18n.changeLanguage('de');
  resetCsrf();
  calls = [];
  answer = () => json(200, { data: { personId: 'p1', photoUrl: '/x', abilities: {} } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: URL | string, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/auth/csrf') return json(200, { token: 'tok' });
      const call = {
        url: url.pathname,
        method: init.method ?? 'GET',
        headers: init.headers as Record<string, string>,
        body: init.body,
      };
      calls.push(call);
      return answer(call);
    }),
  );
  URL.createObjectURL = vi.fn(() => 'blob:preview');
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const png = () =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'ich.png', { type: 'image/png' });

describe('PhotoUpload', () => {
  it('has a labelled file input with accepted types and a size hint', () => {
    render(<PhotoUpload personId="p1" photoUrl={null} self onChanged={() => {}} />);
    const input = screen.getByLabelText('Foto auswählen');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', 'image/jpeg,image/png,image/webp');
    expect(input).toHaveAccessibleDescription(/höchstens 5 MB/);
    expect(screen.getByRole('group', { name: 'Profilfoto' })).toBeInTheDocument();
    expect(screen.getByText('Kein Foto hinterlegt')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Foto entfernen' })).not.toBeInTheDocument();
  });

  it('previews and uploads the chosen file as multipart with the CSRF header and an upload id', async () => {
    const user = userEvent.setup();
    const onChanged = vi.fn();
    let release: () => void = () => {};
    answer = () =>
      new Promise((resolve) => {
        release = () =>
          resolve(json(200, { data: { personId: 'p1', photoUrl: '/p', abilities: {} } }));
      });
    render(<PhotoUpload personId="p1" photoUrl={null} self onChanged={onChanged} />);
    await user.upload(screen.getByLabelText('Foto auswählen'), png());
    expect(screen.getByRole('img', { name: 'Vorschau des neuen Fotos' })).toHaveAttribute(
      'src',
      'blob:preview',
    );

    await user.click(screen.getByRole('button', { name: 'Foto speichern' }));
    expect(
      await screen.findByRole('progressbar', { name: 'Foto wird hochgeladen …' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Profilfoto' })).toHaveAttribute('aria-busy', 'true');
    release();

    expect(await screen.findByText('Das Profilfoto wurde gespeichert.')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(1);
    const [call] = calls as [Call];
    expect(call).toMatchObject({ url: '/api/me/photo', method: 'PUT' });
    expect(call.headers['X-CSRF-Token']).toBe('tok');
    expect(call.headers['Content-Type']).toBeUndefined(); // the browser sets the boundary
    const body = call.body as FormData;
    expect((body.get('photo') as File).name).toBe('ich.png');
    expect(body.get('uploadId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.queryByRole('button', { name: 'Foto speichern' })).not.toBeInTheDocument();
  });

  it('refuses a file of the wrong type or size before uploading', async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<PhotoUpload personId="p1" photoUrl={null} self onChanged={() => {}} />);
    const input = screen.getByLabelText('Foto auswählen');
    await user.upload(input, new File(['hallo'], 'x.txt', { type: 'text/plain' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Dateiformat wird nicht unterstützt');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.jpg', { type: 'image/jpeg' });
    await user.upload(input, big);
    expect(screen.getByRole('alert')).toHaveTextContent('höchstens 5 MB');
    expect(calls).toHaveLength(0);
  });

  it("shows the server's refusal in the user's language", async () => {
    await i18n.changeLanguage('en');
    answer = () =>
      json(400, {
        error: {
          code: 'validation_failed',
          message: 'This file type is not allowed.',
          details: [{ path: 'photo', code: 'file_type', message: 'x' }],
        },
      });
    const user = userEvent.setup();
    const onChanged = vi.fn();
    render(<PhotoUpload personId="p1" photoUrl={null} self onChanged={onChanged} />);
    await user.upload(screen.getByLabelText('Choose a photo'), png());
    await user.click(screen.getByRole('button', { name: 'Save photo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This file format is not supported. Please choose a JPEG, PNG or WebP image.',
    );
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('removes a photo only after confirmation, through the admin route for others', async () => {
    const user = userEvent.setup();
    const onChanged = vi.fn();
    render(
      <PhotoUpload
        personId="abc123"
        photoUrl="/api/people/abc123/photo?v=1"
        self={false}
        onChanged={onChanged}
      />,
    );
    expect(screen.getByRole('img', { name: 'Aktuelles Profilfoto' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Foto entfernen' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Profilfoto entfernen?' });
    expect(dialog).toHaveTextContent('protokolliert');
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(calls).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Foto entfernen' }));
    await user.click(await screen.findByRole('button', { name: 'Ja, entfernen' }));
    expect(await screen.findByText('Das Profilfoto wurde entfernt.')).toBeInTheDocument();
    expect(calls).toMatchObject([{ url: '/api/people/abc123/photo', method: 'DELETE' }]);
    expect(onChanged).toHaveBeenCalledTimes(1);
  });
});
