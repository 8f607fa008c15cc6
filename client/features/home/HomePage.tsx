import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { builtInLayout, type WidgetId, type WidgetPlacement } from '@shared/home/widgets';
import { Page } from '../../components/Page';
import { Button, LinkButton } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { announce } from '../../components/LiveAnnouncer';
import { ApiError } from '../../lib/api';
import { ConfirmDialog } from '../admin/components/ConfirmDialog';
import { useMe } from '../auth/queries';
import { Board, BoardSkeleton } from './Board';
import { CustomiseBoard, controlId, useFocusRequest } from './CustomiseBoard';
import { addWidget, missingWidgets, sameLayout } from './layout-edit';
import { rememberLayout, rememberedLayout } from './layout-memory';
import { useHomeBoard, useResetLayout, useSaveLayout } from './queries';
import { homeWidgets } from './widgets';
import styles from './HomePage.module.css';

function greetingKey(hour: number): string {
  if (hour < 11) return 'greeting.morning';
  if (hour < 18) return 'greeting.day';
  return 'greeting.evening';
}

const CUSTOMISE_HEADING = 'home-customise-heading';
const CUSTOMISE_BUTTON = 'home-customise-button';

/** The personal start page: greeting, date and the person's widget board (customisable). */
export function HomePage() {
  const { t, i18n } = useTranslation('home');
  const me = useMe();
  const board = useHomeBoard();
  const save = useSaveLayout(me.id);
  const reset = useResetLayout(me.id);
  const [draft, setDraft] = useState<WidgetPlacement[] | null>(null);
  const [toAdd, setToAdd] = useState<WidgetId | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const focus = useFocusRequest();
  const [remembered] = useState(() => rememberedLayout(me.id));

  const now = new Date();
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'de', { dateStyle: 'full' }).format(
    now,
  );
  const firstName = me.displayName.split(' ')[0] ?? me.displayName;
  const layout = board.data?.layout;
  const editing = draft !== null;

  const startEditing = () => {
    if (!layout) return;
    setDraft(layout.widgets.map((w) => ({ ...w })));
    save.reset();
    focus([CUSTOMISE_HEADING]);
  };
  const stopEditing = (message: string) => {
    setDraft(null);
    setToAdd(null);
    announce(message);
    focus([CUSTOMISE_BUTTON]);
  };
  const onSave = () => {
    if (!draft || !layout) return;
    if (sameLayout(draft, layout.widgets) && layout.source === 'personal') {
      stopEditing(t('customise.saved'));
      return;
    }
    save.mutate(
      { widgets: draft, rev: layout.rev },
      { onSuccess: () => stopEditing(t('customise.saved')) },
    );
  };
  const onReset = () =>
    reset.mutate(undefined, {
      onSuccess: () => {
        setConfirmReset(false);
        stopEditing(t('customise.resetDone'));
      },
    });
  const missing = draft ? missingWidgets(draft) : [];
  const onAdd = () => {
    const id = toAdd ?? missing[0];
    if (!draft || !id) return;
    setDraft(addWidget(draft, id, 'medium'));
    setToAdd(null);
    announce(t('customise.added', { name: t(homeWidgets[id].titleKey) }));
    focus([controlId(id, 'up'), controlId(id, 'remove')]);
  };

  const shown = layout?.widgets;
  useEffect(() => {
    if (shown) rememberLayout(me.id, shown);
  }, [me.id, shown]);

  return (
    <Page
      title={t(greetingKey(now.getHours()), { name: firstName })}
      description={<time dateTime={now.toISOString().slice(0, 10)}>{date}</time>}
      actions={
        !editing && board.isSuccess ? (
          <Button id={CUSTOMISE_BUTTON} variant="secondary" onPress={startEditing}>
            {t('customise.start')}
          </Button>
        ) : undefined
      }
    >
      {board.isPending ? (
        <BoardSkeleton widgets={remembered ?? builtInLayout} />
      ) : board.isError ? (
        <ErrorMessage error={board.error} />
      ) : draft ? (
        <>
          <section className={styles.toolbar} aria-labelledby={CUSTOMISE_HEADING}>
            <h2 id={CUSTOMISE_HEADING} tabIndex={-1} className={styles.toolbarTitle}>
              {t('customise.title')}
            </h2>
            <p className={styles.editMuted} style={{ flex: '1 0 100%' }}>
              {t('customise.hint')}
            </p>
            {missing.length > 0 ? (
              <div className={styles.addRow}>
                <SelectField
                  label={t('customise.addLabel')}
                  options={missing.map((id) => ({ id, label: t(homeWidgets[id].titleKey) }))}
                  value={toAdd ?? missing[0] ?? null}
                  onChange={(v) => setToAdd(v as WidgetId)}
                />
                <Button onPress={onAdd}>{t('customise.add')}</Button>
              </div>
            ) : null}
            <span className={styles.spacer} />
            <Button variant="primary" onPress={onSave} isDisabled={save.isPending}>
              {t('customise.save')}
            </Button>
            <Button variant="secondary" onPress={() => stopEditing(t('customise.cancelled'))}>
              {t('customise.cancel')}
            </Button>
            <Button variant="tertiary" onPress={() => setConfirmReset(true)}>
              {t('customise.reset')}
            </Button>
            {board.data.abilities.manageDefaults ? (
              <LinkButton href="/admin/home-layouts" variant="tertiary">
                {t('customise.manageDefaults')}
              </LinkButton>
            ) : null}
          </section>
          {save.isError ? (
            <ErrorMessage error={save.error}>
              {save.error instanceof ApiError && save.error.status === 409 ? (
                <p>{t('customise.conflict')}</p>
              ) : null}
            </ErrorMessage>
          ) : null}
          <CustomiseBoard draft={draft} onChange={setDraft} fallbackFocusId={CUSTOMISE_HEADING} />
          <ConfirmDialog
            title={t('customise.resetTitle')}
            isOpen={confirmReset}
            onOpenChange={setConfirmReset}
            onConfirm={onReset}
            confirmLabel={t('customise.resetConfirm')}
            isPending={reset.isPending}
            danger
          >
            <p>{t('customise.resetText')}</p>
            {reset.isError ? <ErrorMessage error={reset.error} /> : null}
          </ConfirmDialog>
        </>
      ) : (
        <Board widgets={layout?.widgets ?? []} />
      )}
    </Page>
  );
}
