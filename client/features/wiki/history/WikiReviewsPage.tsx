import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReviewItemDTO, RevisionDTO } from '@shared/wiki/types';
import { Page } from '../../../components/Page';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { announce } from '../../../components/LiveAnnouncer';
import { FormDialog } from '../../people/components/FormDialog';
import { flatRevisions, useDecideReview, useReviews, useRevisions } from '../editor/queries';
import forms from '../../people/components/forms.module.css';
import styles from './history.module.css';

/**
 * The published → draft comparison: from the latest approved revision (what readers see) to the
 * newest one; without an approval yet, from the first revision.
 */
export function reviewRange(revisions: RevisionDTO[]): { from: string; to: string } | null {
  const newest = revisions[0];
  const published = revisions.find((r) => r.kind === 'approved') ?? revisions[revisions.length - 1];
  if (!newest || !published || newest.id === published.id) return null;
  return { from: published.id, to: newest.id };
}

function DiffLink({ pageId, title }: { pageId: string; title: string }) {
  const { t } = useTranslation('wikiEditor');
  const revisions = useRevisions(pageId);
  const range = reviewRange(flatRevisions(revisions.data));
  if (!range) return null;
  return (
    <Link
      to={`/wiki/p/${pageId}/history?from=${range.from}&to=${range.to}`}
      aria-label={t('reviews.diffLabel', { title })}
    >
      {t('reviews.diff')}
    </Link>
  );
}

/** `/wiki/reviews`: pages waiting for my decision; approve, or reject with a reason. */
export function WikiReviewsPage() {
  const { t, i18n } = useTranslation('wikiEditor');
  const reviews = useReviews();
  const decide = useDecideReview();
  const [rejecting, setRejecting] = useState<ReviewItemDTO | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const reject = () => {
    setTried(true);
    if (!rejecting || !reason.trim()) return;
    decide.mutate(
      { pageId: rejecting.id, decision: 'reject', rev: rejecting.rev, comment: reason.trim() },
      {
        onSuccess: () => {
          announce(t('reviews.rejected', { title: rejecting.title }));
          setRejecting(null);
        },
      },
    );
  };

  return (
    <Page title={t('reviews.title')} description={t('reviews.intro')}>
      {reviews.isPending ? <Spinner /> : null}
      <ErrorMessage error={reviews.error} />
      <ErrorMessage error={rejecting ? null : decide.error} />
      {reviews.data?.length === 0 ? <EmptyState title={t('reviews.empty')} /> : null}
      {reviews.data && reviews.data.length > 0 ? (
        <ul className={styles.reviewList}>
          {reviews.data.map((item) => (
            <li key={item.id} className={styles.reviewItem}>
              <h2 className={styles.reviewTitle}>
                <Link to={`/wiki/p/${item.id}`}>{item.title}</Link>
              </h2>
              <p className={styles.meta}>
                {[item.spaceName, ...item.breadcrumbs.map((b) => b.title)].join(' › ')}
              </p>
              <p className={styles.meta}>
                {t('reviews.requested', {
                  name: item.requestedBy?.displayName ?? t('reviews.someone'),
                  time: time.format(new Date(item.requestedAt)),
                })}
              </p>
              <div className={styles.actions}>
                <DiffLink pageId={item.id} title={item.title} />
                <Button
                  variant="primary"
                  isDisabled={decide.isPending}
                  aria-label={t('reviews.approveLabel', { title: item.title })}
                  onPress={() =>
                    decide.mutate(
                      { pageId: item.id, decision: 'approve', rev: item.rev },
                      { onSuccess: () => announce(t('reviews.approved', { title: item.title })) },
                    )
                  }
                >
                  {t('reviews.approve')}
                </Button>
                <Button
                  variant="secondary"
                  aria-label={t('reviews.rejectLabel', { title: item.title })}
                  onPress={() => {
                    decide.reset();
                    setReason('');
                    setTried(false);
                    setRejecting(item);
                  }}
                >
                  {t('reviews.reject')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <FormDialog
        title={t('reviews.rejectTitle', { title: rejecting?.title ?? '' })}
        isOpen={rejecting !== null}
        onOpenChange={(open) => !open && setRejecting(null)}
      >
        <form
          className={forms.form}
          onSubmit={(e) => {
            e.preventDefault();
            e.stopPropagation();
            reject();
          }}
        >
          <TextField
            label={t('reviews.reason')}
            description={t('reviews.reasonHelp')}
            value={reason}
            onChange={setReason}
            isRequired
            maxLength={1000}
            errorMessage={tried && !reason.trim() ? t('reviews.reasonRequired') : undefined}
          />
          <ErrorMessage error={decide.error} />
          <div className={forms.buttons}>
            <Button type="submit" variant="primary" isDisabled={decide.isPending}>
              {t('reviews.reject')}
            </Button>
            <Button variant="secondary" onPress={() => setRejecting(null)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      </FormDialog>
    </Page>
  );
}
