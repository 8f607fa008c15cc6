import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { builtInLayout } from '@shared/home/widgets';
import { Page } from '../../components/Page';
import { buttonClassName } from '../../components/buttonClassName';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { announce } from '../../components/LiveAnnouncer';
import { useMe } from '../auth/queries';
import { Board, BoardSkeleton } from './Board';
import { useFocusRequest } from './focus-request';
import { rememberLayout, rememberedLayout } from './layout-memory';
import { useHomeBoard } from './queries';

const CustomiseMode = lazy(() =>
  import('./CustomiseMode').then((m) => ({ default: m.CustomiseMode })),
);
// Same id as CustomiseMode's heading (not imported: that would pull the lazy chunk in).
const CUSTOMISE_HEADING = 'home-customise-heading';
const CUSTOMISE_BUTTON = 'home-customise-button';

function greetingKey(hour: number): string {
  if (hour < 11) return 'greeting.morning';
  if (hour < 18) return 'greeting.day';
  return 'greeting.evening';
}

/** The personal start page: greeting, date and the person's widget board (customisable). */
export function HomePage() {
  const { t, i18n } = useTranslation('home');
  const me = useMe();
  const board = useHomeBoard();
  const [editing, setEditing] = useState(false);
  const focus = useFocusRequest();
  const [remembered] = useState(() => rememberedLayout(me.id));

  const now = new Date();
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'de', { dateStyle: 'full' }).format(
    now,
  );
  const firstName = me.displayName.split(' ')[0] ?? me.displayName;
  const shown = board.data?.layout.widgets;
  useEffect(() => {
    if (shown) rememberLayout(me.id, shown);
  }, [me.id, shown]);

  const start = () => {
    setEditing(true);
    focus([CUSTOMISE_HEADING]);
  };
  const done = (message: string) => {
    setEditing(false);
    announce(message);
    focus([CUSTOMISE_BUTTON]);
  };

  return (
    <Page
      title={t(greetingKey(now.getHours()), { name: firstName })}
      description={<time dateTime={now.toISOString().slice(0, 10)}>{date}</time>}
      actions={
        !editing && board.isSuccess ? (
          // Plain button: react-aria's press code is not needed for the first paint.
          <button
            type="button"
            id={CUSTOMISE_BUTTON}
            className={buttonClassName({ variant: 'secondary' })}
            onClick={start}
          >
            {t('customise.start')}
          </button>
        ) : undefined
      }
    >
      {board.isPending ? (
        <BoardSkeleton widgets={remembered ?? builtInLayout} />
      ) : board.isError ? (
        <ErrorMessage error={board.error} />
      ) : editing ? (
        <Suspense fallback={<Spinner />}>
          <CustomiseMode
            userId={me.id}
            layout={board.data.layout}
            abilities={board.data.abilities}
            onDone={done}
          />
        </Suspense>
      ) : (
        <Board widgets={board.data.layout.widgets} />
      )}
    </Page>
  );
}
