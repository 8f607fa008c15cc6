import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TextArea, TextField as AriaTextField, Label } from 'react-aria-components';
import type { LeaveRequestDetailDTO } from '@shared/leave/types';
import { Button, LinkButton } from '../../../components/Button';
import { announce } from '../../../components/LiveAnnouncer';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { useCancelRequest, useDecideRequest, useWithdrawRequest } from '../queries';
import { formatRange, nextDay, todayInBerlin } from '../format';
import fields from '../../../components/fields.module.css';
import styles from '../leave.module.css';

type Dialog = null | 'withdraw' | 'cancel' | 'shorten' | 'approve' | 'reject';

/** The first day back a shortened leave may have: after the first day, from today, at most the last. */
export function shortenBounds(r: Pick<LeaveRequestDetailDTO, 'from' | 'to'>, today: string) {
  const afterStart = nextDay(r.from);
  const min = afterStart > today ? afterStart : today;
  return { min, max: r.to, initial: min <= r.to ? min : r.to };
}

/** Actions the request's abilities allow: edit, withdraw, cancel, return early, decide. */
export function RequestActions({ request }: { request: LeaveRequestDetailDTO }) {
  const { t, i18n } = useTranslation('leave');
  const lang = i18n.resolvedLanguage ?? 'de';
  const navigate = useNavigate();
  const [open, setOpen] = useState<Dialog>(null);
  const [comment, setComment] = useState('');
  const bounds = shortenBounds(request, todayInBerlin());
  const [backOn, setBackOn] = useState(bounds.initial);
  const withdraw = useWithdrawRequest(request.id);
  const cancel = useCancelRequest(request.id);
  const decide = useDecideRequest(request.id);
  const a = request.abilities;
  if (!a.edit && !a.withdraw && !a.cancel && !a.shorten && !a.decide) return null;

  const close = (next: boolean) => {
    if (next) return;
    setOpen(null);
    setComment('');
    withdraw.reset();
    cancel.reset();
    decide.reset();
  };
  const done = (key: string) => () => {
    announce(t(key));
    close(false);
  };
  const commentField = (
    <AriaTextField className={fields.field} value={comment} onChange={setComment} maxLength={500}>
      <Label className={fields.label}>{t('detail.comment')}</Label>
      <TextArea className={fields.input} rows={3} />
    </AriaTextField>
  );
  const range = formatRange(request.from, request.to, lang);

  return (
    <div className={styles.buttons}>
      {a.edit ? (
        <LinkButton href={`/leave/requests/${request.id}/edit`} variant="primary">
          {t('detail.edit')}
        </LinkButton>
      ) : null}
      {a.withdraw ? (
        <Button variant="secondary" onPress={() => setOpen('withdraw')}>
          {t('detail.withdraw')}
        </Button>
      ) : null}
      {a.cancel ? (
        <Button variant="secondary" onPress={() => setOpen('cancel')}>
          {t('detail.cancel')}
        </Button>
      ) : null}
      {a.shorten ? (
        <Button variant="secondary" onPress={() => setOpen('shorten')}>
          {t('detail.shorten')}
        </Button>
      ) : null}
      {a.decide ? (
        <>
          <Button variant="primary" onPress={() => setOpen('approve')}>
            {t('detail.approve')}
          </Button>
          <Button variant="secondary" onPress={() => setOpen('reject')}>
            {t('detail.reject')}
          </Button>
        </>
      ) : null}

      <ConfirmDialog
        title={t('detail.withdrawTitle')}
        isOpen={open === 'withdraw'}
        onOpenChange={close}
        danger
        confirmLabel={t('detail.withdraw')}
        isPending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => withdraw.mutate(undefined, { onSuccess: done('detail.withdrawn') })}
      >
        <p>{t('detail.withdrawText', { range })}</p>
      </ConfirmDialog>

      <ConfirmDialog
        title={t('detail.cancelTitle')}
        isOpen={open === 'cancel'}
        onOpenChange={close}
        danger
        confirmLabel={t('detail.cancelConfirm')}
        isPending={cancel.isPending}
        error={cancel.error}
        onConfirm={() => cancel.mutate({ comment }, { onSuccess: done('detail.cancelSent') })}
      >
        <p>{t('detail.cancelText', { range })}</p>
        {commentField}
      </ConfirmDialog>

      <ConfirmDialog
        title={t('detail.shortenTitle')}
        isOpen={open === 'shorten'}
        onOpenChange={close}
        confirmLabel={t('detail.shortenConfirm')}
        isPending={cancel.isPending}
        error={cancel.error}
        onConfirm={() =>
          cancel.mutate({ from: backOn, comment }, { onSuccess: done('detail.shortened') })
        }
      >
        <p id="leave-shorten-hint">{t('detail.shortenText', { range })}</p>
        <div className={fields.field}>
          <label htmlFor="leave-back-on" className={fields.label}>
            {t('detail.backOn')}
          </label>
          <input
            id="leave-back-on"
            type="date"
            className={`${fields.input} ${styles.input}`}
            value={backOn}
            min={bounds.min}
            max={bounds.max}
            aria-describedby="leave-shorten-hint"
            onChange={(e) => setBackOn(e.target.value)}
          />
        </div>
        {commentField}
      </ConfirmDialog>

      {(['approve', 'reject'] as const).map((decision) => (
        <ConfirmDialog
          key={decision}
          title={t(`detail.${decision}Title`, { name: request.person.displayName })}
          isOpen={open === decision}
          onOpenChange={close}
          danger={decision === 'reject'}
          confirmLabel={t(`detail.${decision}`)}
          isPending={decide.isPending}
          error={decide.error}
          onConfirm={() =>
            decide.mutate(
              { decision, comment },
              {
                onSuccess: () => {
                  done(decision === 'approve' ? 'detail.approved' : 'detail.rejected')();
                  void navigate(`/leave/requests/${request.id}`, { replace: true });
                },
              },
            )
          }
        >
          <p>{range}</p>
          {commentField}
        </ConfirmDialog>
      ))}
    </div>
  );
}
