import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TreeNodeDTO } from '@shared/wiki/types';
import { FormDialog } from '../../people/components/FormDialog';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { SelectField } from '../../../components/SelectField';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { announce } from '../../../components/LiveAnnouncer';
import { useArchivePage, useCopyPage, useCreatePage, useMovePage } from '../queries';
import { buildTree, childrenOf, subtreeIds, visibleRows } from '../tree-model';
import type { TreeAction } from './PageTree';
import styles from './dialogs.module.css';

export type TreeDialogState = { action: TreeAction | 'newTop'; node: TreeNodeDTO | null } | null;

const TOP = '__top__';

/** The tree's dialog actions: new (sub-)page, move to another parent, copy, archive. */
export function TreeDialogs({
  spaceId,
  nodes,
  state,
  onClose,
  templateId = null,
}: {
  spaceId: string;
  nodes: TreeNodeDTO[];
  state: TreeDialogState;
  onClose: () => void;
  templateId?: string | null;
}) {
  const { t } = useTranslation('wiki');
  const navigate = useNavigate();
  const create = useCreatePage();
  const move = useMovePage(spaceId);
  const copy = useCopyPage(spaceId);
  const archive = useArchivePage(spaceId);
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState<string>(TOP);
  const [withChildren, setWithChildren] = useState(false);
  const [id, setId] = useState(() => crypto.randomUUID());
  const node = state?.node ?? null;

  const close = () => {
    setTitle('');
    setTarget(TOP);
    setWithChildren(false);
    setId(crypto.randomUUID());
    [create, move, copy, archive].forEach((m) => m.reset());
    onClose();
  };

  if (!state) return null;
  const open = true;

  if (state.action === 'newChild' || state.action === 'newTop') {
    const submit = (e: FormEvent) => {
      e.preventDefault();
      create.mutate(
        { id, spaceId, parentId: node?.id ?? null, title, templateId },
        {
          onSuccess: (p) => {
            close();
            void navigate(`/wiki/p/${p.id}/edit`);
          },
        },
      );
    };
    return (
      <FormDialog
        title={node ? t('dialogs.newChildOf', { title: node.title }) : t('dialogs.newPage')}
        isOpen={open}
        onOpenChange={(o) => !o && close()}
      >
        <form className={styles.form} onSubmit={submit}>
          <TextField
            label={t('dialogs.title')}
            value={title}
            onChange={setTitle}
            isRequired
            maxLength={200}
          />
          <ErrorMessage error={create.error} fieldLabels={{ title: t('dialogs.title') }} />
          <SubmitRow
            label={t('dialogs.create')}
            isDisabled={create.isPending || !title.trim()}
            onCancel={close}
          />
        </form>
      </FormDialog>
    );
  }
  if (!node) return null;

  if (state.action === 'moveTo') {
    const model = buildTree(nodes);
    const own = subtreeIds(model, node.id);
    const all = visibleRows(model, new Set(nodes.map((n) => n.id)));
    const options = [
      { id: TOP, label: t('dialogs.topLevel') },
      ...all
        .filter((r) => !own.has(r.node.id))
        .map((r) => ({ id: r.node.id, label: `${'– '.repeat(r.level - 1)}${r.node.title}` })),
    ];
    const submit = (e: FormEvent) => {
      e.preventDefault();
      const parentId = target === TOP ? null : target;
      const index = childrenOf(model, parentId).filter((n) => n.id !== node.id).length;
      move.mutate(
        { pageId: node.id, rev: node.rev, parentId, index },
        {
          onSuccess: () => {
            announce(t('dialogs.moved', { title: node.title }));
            close();
          },
        },
      );
    };
    return (
      <FormDialog
        title={t('dialogs.moveTitle', { title: node.title })}
        isOpen={open}
        onOpenChange={(o) => !o && close()}
      >
        <form className={styles.form} onSubmit={submit}>
          <SelectField
            label={t('dialogs.newParent')}
            options={options}
            value={target}
            onChange={setTarget}
          />
          <ErrorMessage error={move.error} />
          <SubmitRow label={t('dialogs.move')} isDisabled={move.isPending} onCancel={close} />
        </form>
      </FormDialog>
    );
  }

  if (state.action === 'copy') {
    const submit = (e: FormEvent) => {
      e.preventDefault();
      copy.mutate(
        { pageId: node.id, id, title: title.trim() || undefined, withChildren },
        {
          onSuccess: (p) => {
            announce(t('dialogs.copied', { title: p.title }));
            close();
          },
        },
      );
    };
    return (
      <FormDialog
        title={t('dialogs.copyTitle', { title: node.title })}
        isOpen={open}
        onOpenChange={(o) => !o && close()}
      >
        <form className={styles.form} onSubmit={submit}>
          <TextField
            label={t('dialogs.title')}
            description={t('dialogs.copyTitleHelp')}
            value={title}
            onChange={setTitle}
            maxLength={200}
          />
          {node.hasChildren ? (
            <CheckboxField isSelected={withChildren} onChange={setWithChildren}>
              {t('dialogs.withChildren')}
            </CheckboxField>
          ) : null}
          <ErrorMessage error={copy.error} />
          <SubmitRow label={t('dialogs.copy')} isDisabled={copy.isPending} onCancel={close} />
        </form>
      </FormDialog>
    );
  }

  // archive
  return (
    <FormDialog
      title={t('dialogs.archiveTitle', { title: node.title })}
      isOpen={open}
      onOpenChange={(o) => !o && close()}
      role="alertdialog"
    >
      <p>{node.hasChildren ? t('dialogs.archiveWithChildren') : t('dialogs.archiveText')}</p>
      <ErrorMessage error={archive.error} />
      <div className={styles.actions}>
        <Button
          variant="danger"
          isDisabled={archive.isPending}
          onPress={() =>
            archive.mutate(node.id, {
              onSuccess: () => {
                announce(t('dialogs.archived', { title: node.title }));
                close();
              },
            })
          }
        >
          {t('dialogs.archive')}
        </Button>
        <Button variant="tertiary" onPress={close}>
          {t('common.cancel')}
        </Button>
      </div>
    </FormDialog>
  );
}

/** The dialogs' submit button and "Abbrechen". */
function SubmitRow(props: { label: string; isDisabled: boolean; onCancel: () => void }) {
  const { t } = useTranslation('wiki');
  return (
    <div className={styles.actions}>
      <Button type="submit" variant="primary" isDisabled={props.isDisabled}>
        {props.label}
      </Button>
      <Button variant="tertiary" onPress={props.onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
