import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '@shared/news/schemas';
import type { NewsChannelDTO } from '@shared/news/types';
import type { PersonRef } from '@shared/people/types';
import { Page } from '../../../components/Page';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { SelectField } from '../../../components/SelectField';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { EmptyState } from '../../../components/EmptyState';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import { FormDialog } from '../../people/components/FormDialog';
import { PersonPicker } from '../../people/components/PersonPicker';
import { useUnits } from '../../people/queries';
import { useMe } from '../../auth/queries';
import { useChannels, useSaveChannel } from '../editor-queries';
import forms from '../../people/components/forms.module.css';
import editor from '../components/editor/editor.module.css';
import styles from './manage.module.css';

interface ChannelForm {
  nameDe: string;
  nameEn: string;
  descDe: string;
  descEn: string;
  unitId: string;
  editors: PersonRef[];
  requiresApproval: boolean;
}

const toForm = (c: NewsChannelDTO | null): ChannelForm => ({
  nameDe: c?.name.de ?? '',
  nameEn: c?.name.en ?? '',
  descDe: c?.description.de ?? '',
  descEn: c?.description.en ?? '',
  unitId: c?.unit?.id ?? '',
  editors: c?.editors ?? [],
  requiresApproval: c?.requiresApproval ?? false,
});

const toInput = (f: ChannelForm): ChannelInput => ({
  name: { de: f.nameDe.trim(), en: f.nameEn.trim() },
  description: { de: f.descDe.trim(), en: f.descEn.trim() },
  unitId: f.unitId || null,
  editorIds: f.editors.map((p) => p.id),
  requiresApproval: f.requiresApproval,
});

function ChannelDialog({
  channel,
  isOpen,
  onOpenChange,
}: {
  channel: NewsChannelDTO | null;
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const { t } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const units = useUnits();
  const save = useSaveChannel();
  const [form, setForm] = useState(() => toForm(channel));
  const [picker, setPicker] = useState<PersonRef | null>(null);
  const set = (patch: Partial<ChannelForm>) => setForm((f) => ({ ...f, ...patch }));
  const offices = (units.data ?? []).filter((u) => u.parentId === null);
  return (
    <FormDialog
      title={channel ? t('channels.editTitle') : t('channels.newTitle')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
    >
      <form
        className={forms.form}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { id: channel?.id ?? null, input: toInput(form) },
            {
              onSuccess: () => {
                announce(t('channels.saved'));
                onOpenChange(false);
              },
            },
          );
        }}
      >
        <div className={forms.grid}>
          <TextField
            label={t('channels.nameDe')}
            value={form.nameDe}
            onChange={(nameDe) => set({ nameDe })}
            isRequired
            maxLength={80}
          />
          <TextField
            label={t('channels.nameEn')}
            value={form.nameEn}
            onChange={(nameEn) => set({ nameEn })}
            isRequired
            maxLength={80}
          />
          <TextField
            label={t('channels.descDe')}
            value={form.descDe}
            onChange={(descDe) => set({ descDe })}
            maxLength={300}
          />
          <TextField
            label={t('channels.descEn')}
            value={form.descEn}
            onChange={(descEn) => set({ descEn })}
            maxLength={300}
          />
        </div>
        <SelectField
          label={t('channels.unit')}
          description={t('channels.unitHelp')}
          options={[
            { id: '', label: t('channels.cityWide') },
            ...offices.map((u) => ({
              id: u.id,
              label: u.number ? `${u.number} ${u.name}` : u.name,
            })),
          ]}
          value={form.unitId}
          onChange={(unitId) => set({ unitId })}
        />
        <fieldset className={forms.fieldset}>
          <legend>{t('channels.editors')}</legend>
          {form.editors.length > 0 ? (
            <ul className={editor.fileList}>
              {form.editors.map((p) => (
                <li key={p.id} className={editor.fileItem}>
                  <span>{p.displayName}</span>
                  <Button
                    size="small"
                    variant="tertiary"
                    aria-label={t('channels.removeEditor', { name: p.displayName })}
                    onPress={() => set({ editors: form.editors.filter((x) => x.id !== p.id) })}
                  >
                    {t('channels.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className={editor.hint}>{t('channels.noEditors')}</p>
          )}
          <PersonPicker
            // A fresh picker after each addition: empty input, closed list.
            key={form.editors.length}
            label={t('channels.addEditor')}
            value={picker}
            excludeIds={form.editors.map((p) => p.id)}
            onChange={(p) => {
              if (p) set({ editors: [...form.editors, p] });
              setPicker(null);
            }}
          />
        </fieldset>
        <CheckboxField
          isSelected={form.requiresApproval}
          onChange={(requiresApproval) => set({ requiresApproval })}
        >
          {t('channels.requiresApproval')}
        </CheckboxField>
        <ErrorMessage error={save.error} />
        <div className={forms.buttons}>
          <Button type="submit" variant="primary" isDisabled={save.isPending}>
            {t('channels.save')}
          </Button>
          <Button onPress={() => onOpenChange(false)}>{t('editor.cancel')}</Button>
        </div>
      </form>
    </FormDialog>
  );
}

/** `/news/channels`: channels with their office, extra editors and approval rule. */
export function NewsChannelsPage() {
  const { t, i18n } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const me = useMe();
  const channels = useChannels();
  const [editing, setEditing] = useState<NewsChannelDTO | null | 'new'>(null);
  const en = i18n.language.startsWith('en');
  return (
    <Page
      title={t('channels.title')}
      description={t('channels.description')}
      actions={
        me.abilities.manageNews ? (
          <Button variant="primary" onPress={() => setEditing('new')}>
            {t('channels.new')}
          </Button>
        ) : null
      }
    >
      {channels.error ? <ErrorMessage error={channels.error} /> : null}
      {channels.isPending ? <Spinner /> : null}
      {channels.data?.length === 0 ? <EmptyState title={t('channels.none')} /> : null}
      <ul className={styles.list}>
        {(channels.data ?? []).map((c) => (
          <li key={c.id} className={styles.item}>
            <div className={styles.itemMain}>
              <h2 className={styles.heading}>{en ? c.name.en : c.name.de}</h2>
              {(en ? c.description.en : c.description.de) ? (
                <p className={styles.meta}>{en ? c.description.en : c.description.de}</p>
              ) : null}
              <p className={styles.meta}>
                {c.unit ? c.unit.name : t('channels.cityWide')}
                {c.requiresApproval ? ` · ${t('channels.approvalShort')}` : ''}
                {c.editors.length > 0
                  ? ` · ${t('channels.editorsList', { names: c.editors.map((p) => p.displayName).join(', ') })}`
                  : ''}
              </p>
            </div>
            {c.abilities.update ? (
              <div className={styles.itemActions}>
                <Button
                  size="small"
                  onPress={() => setEditing(c)}
                  aria-label={t('channels.editNamed', { name: en ? c.name.en : c.name.de })}
                >
                  {t('channels.edit')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {editing ? (
        <ChannelDialog
          key={editing === 'new' ? 'new' : editing.id}
          channel={editing === 'new' ? null : editing}
          isOpen
          onOpenChange={(o) => !o && setEditing(null)}
        />
      ) : null}
    </Page>
  );
}
