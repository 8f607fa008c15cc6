import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '../../../test/render';
import { ReadAloud, speechChunks } from './ReadAloud';

class FakeUtterance {
  lang = '';
  voice: unknown = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

function fakeSynth() {
  return {
    speak: vi.fn<(u: FakeUtterance) => void>(),
    pause: vi.fn(),
    resume: vi.fn(),
    cancel: vi.fn(),
    getVoices: vi.fn(() => [{ lang: 'de-DE', name: 'Anna' }]),
  };
}

describe('ReadAloud', () => {
  let synth: ReturnType<typeof fakeSynth>;

  beforeEach(async () => {
    await i18n.changeLanguage('de');
    synth = fakeSynth();
    vi.stubGlobal('speechSynthesis', synth);
    vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('plays in the variant language, pauses, resumes and stops by keyboard', async () => {
    const user = userEvent.setup();
    render(<ReadAloud text="Erster Satz. Zweiter Satz!" lang="de" />);
    const group = screen.getByRole('group', { name: 'Vorlesen' });
    expect(group).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stopp' })).toHaveProperty('disabled', true);

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Vorlesen' }));
    await user.keyboard('{Enter}');
    expect(synth.speak).toHaveBeenCalled();
    const spoken = synth.speak.mock.calls.map(([u]) => u);
    expect(spoken.map((u) => u.text).join(' ')).toBe('Erster Satz. Zweiter Satz!');
    expect(spoken.every((u) => u.lang === 'de-DE')).toBe(true);
    expect(spoken[0]?.voice).toEqual({ lang: 'de-DE', name: 'Anna' });

    // The same button now pauses; focus stays on it.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Pause' }));
    await user.keyboard(' ');
    expect(synth.pause).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Fortsetzen' })).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(synth.resume).toHaveBeenCalledTimes(1);

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stopp' }));
    const cancelsBefore = synth.cancel.mock.calls.length;
    await user.keyboard('{Enter}');
    expect(synth.cancel.mock.calls.length).toBe(cancelsBefore + 1);
    // Back to the start state, focus kept in the control.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Vorlesen' }));
  });

  it('returns to idle when the last sentence ends', async () => {
    const user = userEvent.setup();
    render(<ReadAloud text="Hello there. Bye." lang="en" />);
    await user.click(screen.getByRole('button', { name: 'Vorlesen' }));
    const calls = synth.speak.mock.calls.map(([u]) => u);
    expect(calls[0]?.lang).toBe('en-GB');
    const last = calls[calls.length - 1];
    act(() => last?.onend?.());
    expect(screen.getByRole('button', { name: 'Vorlesen' })).toBeTruthy();
  });

  it('stops speaking when it unmounts (leaving the page or another variant)', () => {
    const { unmount } = render(<ReadAloud text="Text." lang="de" />);
    synth.cancel.mockClear();
    unmount();
    expect(synth.cancel).toHaveBeenCalled();
  });

  it('explains instead of offering buttons when the browser cannot speak', () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('speechSynthesis', undefined);
    // jsdom has no speech API: the property is absent.
    Reflect.deleteProperty(window, 'speechSynthesis');
    render(<ReadAloud text="Text." lang="de" />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('note').textContent).toMatch(/unterstützt keine Sprachausgabe/);
  });

  it('splits long text into sentence chunks', () => {
    const text = Array.from({ length: 30 }, (_v, i) => `Satz Nummer ${i}.`).join(' ');
    const chunks = speechChunks(text, 60);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => c.length <= 60)).toBe(true);
    expect(chunks.join(' ')).toBe(text);
  });
});
