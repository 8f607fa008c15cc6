import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonDTO } from '@shared/learning/types';
import styles from '../learning.module.css';

/** Seconds between position saves while playing. */
const SAVE_EVERY = 10;

/**
 * Video or audio with captions (`<track kind="captions">`) and the transcript in a disclosure.
 * Starts where I stopped; saves the position about every 10 s while playing and on pause.
 */
export function MediaPlayer({
  lesson,
  lang,
  startAt,
  onPosition,
  onEnded,
}: {
  lesson: LessonDTO;
  lang: string;
  startAt: number;
  /** Omitted in preview: nothing is saved. */
  onPosition?: (seconds: number) => void;
  onEnded?: () => void;
}) {
  const { t } = useTranslation('learning');
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const lastSaved = useRef(startAt);
  const save = useRef(onPosition);
  useEffect(() => {
    save.current = onPosition;
  });

  // Leaving the lesson keeps the place too.
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el && el.currentTime > 0 && Math.abs(el.currentTime - lastSaved.current) >= 1) {
        save.current?.(Math.floor(el.currentTime));
      }
    };
  }, []);

  if (!lesson.media) return <p className="muted">{t('lesson.noMedia')}</p>;
  const audio = lesson.media.contentType.startsWith('audio/');
  const store = (seconds: number) => {
    lastSaved.current = seconds;
    save.current?.(Math.floor(seconds));
  };
  const props = {
    ref,
    controls: true,
    preload: 'metadata' as const,
    className: audio ? styles.audio : styles.media,
    'aria-label': lesson.title,
    onLoadedMetadata: () => {
      const el = ref.current;
      if (el && startAt > 0 && (!el.duration || startAt < el.duration - 1))
        el.currentTime = startAt;
    },
    onTimeUpdate: () => {
      const now = ref.current?.currentTime ?? 0;
      if (Math.abs(now - lastSaved.current) >= SAVE_EVERY) store(now);
    },
    onPause: () => {
      const now = ref.current?.currentTime ?? 0;
      if (now > 0 && !ref.current?.ended) store(now);
    },
    onEnded: () => {
      store(0);
      onEnded?.();
    },
  };
  const track = lesson.captions ? (
    <track
      kind="captions"
      src={lesson.captions.url}
      srcLang={lang}
      label={t('lesson.captions')}
      default
    />
  ) : null;
  return (
    <div className={styles.stack}>
      {/* The captions track is there whenever the author uploaded one (the rule cannot see it). */}
      {audio ? (
        // eslint-disable-next-line jsx-a11y/media-has-caption
        <audio {...props} src={lesson.media.url}>
          {track}
        </audio>
      ) : (
        // eslint-disable-next-line jsx-a11y/media-has-caption
        <video {...props} src={lesson.media.url} playsInline>
          {track}
        </video>
      )}
      {lesson.transcript ? (
        <details>
          <summary>{t('lesson.transcript')}</summary>
          <div className={styles.transcript} lang={lang}>
            {lesson.transcript}
          </div>
        </details>
      ) : null}
    </div>
  );
}
