import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import styles from './ReadAloud.module.css';

type SpeechState = 'idle' | 'playing' | 'paused';

/** Whether this browser can speak (no API in some browsers and embedded views). */
export const speechSupported = () =>
  typeof window !== 'undefined' &&
  'speechSynthesis' in window &&
  typeof window.SpeechSynthesisUtterance === 'function';

/**
 * Splits text into sentence-sized chunks: some engines stop long utterances after ~15 s, and
 * short ones make pause and stop react at once.
 */
export function speechChunks(text: string, max = 220): string[] {
  const sentences = text
    .replace(/\s+/g, ' ')
    .trim()
    .match(/[^.!?;:]+[.!?;:]*\s*/g);
  const chunks: string[] = [];
  let current = '';
  for (const s of sentences ?? []) {
    if ((current + s).length > max && current) {
      chunks.push(current.trim());
      current = '';
    }
    current += s;
  }
  if (current.trim()) chunks.push(current.trim());
  return chunks;
}

/**
 * Read-aloud with the browser's speech synthesis: play, pause/resume, stop, in the language of
 * the chosen variant. Where the browser cannot speak, an explanation replaces the buttons.
 */
export function ReadAloud({ text, lang }: { text: string; lang: string }) {
  const { t } = useTranslation('news');
  const [state, setState] = useState<SpeechState>('idle');
  const run = useRef(0);
  const group = useRef<HTMLDivElement>(null);
  const supported = speechSupported();

  const stop = useCallback(() => {
    run.current += 1;
    if (speechSupported()) window.speechSynthesis.cancel();
    setState('idle');
  }, []);

  // A different text or language (another variant) or leaving the page ends the speech.
  useEffect(() => stop, [text, lang, stop]);

  if (!supported) {
    return (
      <p className={styles.unsupported} role="note">
        {t('readAloud.unsupported')}
      </p>
    );
  }

  const play = () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    const id = ++run.current;
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang));
    const chunks = speechChunks(text);
    chunks.forEach((chunk, i) => {
      const u = new window.SpeechSynthesisUtterance(chunk);
      u.lang = lang === 'en' ? 'en-GB' : 'de-DE';
      if (voice) u.voice = voice;
      if (i === chunks.length - 1) {
        u.onend = () => {
          if (run.current === id) setState('idle');
        };
      }
      u.onerror = () => {
        if (run.current === id) setState('idle');
      };
      synth.speak(u);
    });
    setState(chunks.length > 0 ? 'playing' : 'idle');
  };

  const toggle = () => {
    if (state === 'idle') play();
    else if (state === 'playing') {
      window.speechSynthesis.pause();
      setState('paused');
    } else {
      window.speechSynthesis.resume();
      setState('playing');
    }
  };

  const label =
    state === 'idle'
      ? t('readAloud.play')
      : state === 'playing'
        ? t('readAloud.pause')
        : t('readAloud.resume');

  return (
    <div ref={group} role="group" aria-label={t('readAloud.label')} className={styles.group}>
      <Button
        variant="secondary"
        size="small"
        onPress={toggle}
        icon={state === 'playing' ? <PauseGlyph /> : <PlayGlyph />}
      >
        {label}
      </Button>
      <Button
        variant="tertiary"
        size="small"
        isDisabled={state === 'idle'}
        onPress={() => {
          stop();
          // The stop button becomes disabled: keep focus in the control.
          group.current?.querySelector('button')?.focus();
        }}
        icon={<StopGlyph />}
      >
        {t('readAloud.stop')}
      </Button>
      <span className={styles.state}>
        {state === 'playing'
          ? t('readAloud.playing')
          : state === 'paused'
            ? t('readAloud.paused')
            : ''}
      </span>
    </div>
  );
}

const glyph = { viewBox: '0 0 24 24', width: '1em', height: '1em', fill: 'currentColor' } as const;
const PlayGlyph = () => (
  <svg {...glyph} aria-hidden focusable={false}>
    <path d="M7 4v16l13-8z" />
  </svg>
);
const PauseGlyph = () => (
  <svg {...glyph} aria-hidden focusable={false}>
    <path d="M6 4h4v16H6zM14 4h4v16h-4z" />
  </svg>
);
const StopGlyph = () => (
  <svg {...glyph} aria-hidden focusable={false}>
    <path d="M6 6h12v12H6z" />
  </svg>
);
