import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HomeBoardDTO } from '@shared/home/types';
import type { WidgetId, WidgetPlacement } from '@shared/home/widgets';
import { Button, LinkButton } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { announce } from '../../components/LiveAnnouncer';
import { ApiError } from '../../lib/api';
import { ConfirmDialog } from '../admin/components/ConfirmDialog';
import { CustomiseBoard, controlId } from './CustomiseBoard';
import { useFocusRequest } from './focus-request';
import { addWidget, missingWidgets, sameLayout } from './layout-edit';
import { useResetLayout, useSaveLayout } from './queries';
import { homeWidgets } from './widgets';
import styles from './HomePage.module.css';

export const CUSTOMISE_HEADING = 'home-customise-heading';

export interface CustomiseModeProps {
  userId: string;
  layout: HomeBoardDTO['layout'];
  abilities: HomeBoardDTO['abilities'];
  /** Leaves customise mode; the message is announced. */
  onDone: (message: string) => void;
}

/**
 * "Customise start page": a draft of the layout with add / save / cancel / reset, and the
 * editable grid. Loaded only when opened (drag and drop stays out of the start page's bundle).
 */
export function CustomiseMode({ userId, layout, abilities, onDone }: CustomiseModeProps) {
  const { t } = useTranslation('home');
  const save = useSaveLayout(userId);
  const reset = useResetLayout(userId);
  const [draft, setDraft] = useState<WidgetPlacement[]>(() =>
    layout.widgets.map((w) => ({ ...w })),
  );
  const [toAdd, setToAdd] = useState<WidgetId | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const focus = useFocusRequest();
  const missing = missingWidgets(draft);

  const onSave = () => {
    if (sameLayout(draft, layout.widgets) && layout.source === 'personal') {
      onDone(t('customise.saved'));
      return;
    }
    save.mutate(
      { widgets: draft, rev: layout.rev },
      { onSuccess: () => onDone(t('customise.saved')) },
    );
  };
  const onReset = () =>
    reset.mutate(undefined, {
      onSuccess: () => {
        setConfirmReset(false);
        onDone(t('customise.resetDone'));
      },
    });
  const onAdd = () => {
    const id = toAdd ?? missing[0];
    if (!id) return;
    setDraft(addWidget(draft, id, 'medium'));
    setToAdd(null);
    announce(t('customise.added', { name: t(homeWidgets[id].titleKey) }));
    focus([controlId(id, 'up'), controlId(id, 'remove')]);
  };

  return (
    <>
      <section className={styles.toolbar} aria-labelledby={CUSTOMISE_HEADING}>
        <h2 id={CUSTOMISE_HEADING} tabIndex={-1} className={styles.toolbarTitle}>
          {t('customise.title')}
        </h2>
        <p className={styles.toolbarHint}>{t('customise.hint')}</p>
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
        <Button variant="secondary" onPress={() => onDone(t('customise.cancelled'))}>
          {t('customise.cancel')}
        </Button>
        <Button variant="tertiary" onPress={() => setConfirmReset(true)}>
          {t('customise.reset')}
        </Button>
        {abilities.manageDefaults ? (
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
  );
}
