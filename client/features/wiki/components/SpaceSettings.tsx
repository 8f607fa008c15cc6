import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience } from '@shared/org/audience';
import type { PersonRef } from '@shared/people/types';
import { spaceRoles, type SpaceRole } from '@shared/wiki/schemas';
import type { SpaceDTO } from '@shared/wiki/types';
import { AudiencePicker } from '../../../components/AudiencePicker';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { SelectField } from '../../../components/SelectField';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { announce } from '../../../components/LiveAnnouncer';
import { PersonPicker } from '../../people/components/PersonPicker';
import { useMembers, useSetMember, useUpdateSpace } from '../queries';
import { TextAreaField } from './TextAreaField';
import styles from './dialogs.module.css';
import wiki from '../wiki.module.css';

type DefaultRole = Exclude<SpaceRole, 'admin'>;

/** Space admins: name, description, audience, default role, approval; the members and their roles. */
export function SpaceSettings({ space }: { space: SpaceDTO }) {
  const { t } = useTranslation('wiki');
  const update = useUpdateSpace(space.id);
  const [name, setName] = useState(space.name);
  const [description, setDescription] = useState(space.description);
  const [audience, setAudience] = useState<Audience>(space.audience);
  const [defaultRole, setDefaultRole] = useState<DefaultRole>(space.defaultRole);
  const [approval, setApproval] = useState(space.approvalRequired);
  const roleOptions = spaceRoles.map((r) => ({ id: r, label: t(`roles.${r}`) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { rev: space.rev, name, description, audience, defaultRole, approvalRequired: approval },
      { onSuccess: () => announce(t('settings.saved')) },
    );
  };

  return (
    <div className={wiki.stack}>
      <form className={styles.form} onSubmit={submit} aria-labelledby="wiki-space-settings">
        <h2 id="wiki-space-settings" className={wiki.h2}>
          {t('settings.title')}
        </h2>
        <TextField
          label={t('settings.name')}
          value={name}
          onChange={setName}
          isRequired
          maxLength={80}
        />
        <TextAreaField
          label={t('settings.description')}
          value={description}
          onChange={setDescription}
          maxLength={500}
        />
        <AudiencePicker
          label={t('settings.audience')}
          description={t('settings.audienceHelp')}
          value={audience}
          onChange={setAudience}
        />
        <SelectField
          label={t('settings.defaultRole')}
          description={t('settings.defaultRoleHelp')}
          options={roleOptions.filter((o) => o.id !== 'admin')}
          value={defaultRole}
          onChange={(v) => setDefaultRole(v as DefaultRole)}
        />
        <CheckboxField isSelected={approval} onChange={setApproval}>
          {t('settings.approval')}
        </CheckboxField>
        <ErrorMessage error={update.error} />
        <div className={styles.actions}>
          <Button type="submit" variant="primary" isDisabled={update.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
      <Members spaceId={space.id} roleOptions={roleOptions} />
    </div>
  );
}

function Members({
  spaceId,
  roleOptions,
}: {
  spaceId: string;
  roleOptions: { id: string; label: string }[];
}) {
  const { t } = useTranslation('wiki');
  const members = useMembers(spaceId);
  const setMember = useSetMember(spaceId);
  const [person, setPerson] = useState<PersonRef | null>(null);
  const [role, setRole] = useState<SpaceRole>('editor');
  const change = (personId: string, next: SpaceRole | null, name: string) =>
    setMember.mutate(
      { personId, role: next },
      {
        onSuccess: () =>
          announce(
            next
              ? t('members.changed', { name, role: t(`roles.${next}`) })
              : t('members.removed', { name }),
          ),
      },
    );
  return (
    <section aria-labelledby="wiki-members" className={wiki.stack}>
      <h2 id="wiki-members" className={wiki.h2}>
        {t('members.title')}
      </h2>
      <p className={wiki.muted}>{t('members.help')}</p>
      {members.isPending ? <Spinner /> : null}
      <ErrorMessage error={members.error ?? setMember.error} />
      {members.data?.length ? (
        <div className={wiki.tableWrap}>
          <table className={wiki.table}>
            <thead>
              <tr>
                <th scope="col">{t('members.person')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('members.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.data.map((m) => (
                <tr key={m.person.id}>
                  <td>{m.person.displayName}</td>
                  <td>
                    <SelectField
                      label={t('members.roleOf', { name: m.person.displayName })}
                      hideLabel
                      options={roleOptions}
                      value={m.role}
                      isDisabled={setMember.isPending}
                      onChange={(r) => change(m.person.id, r as SpaceRole, m.person.displayName)}
                    />
                  </td>
                  <td>
                    <Button
                      size="small"
                      variant="tertiary"
                      isDisabled={setMember.isPending}
                      aria-label={t('members.removeName', { name: m.person.displayName })}
                      onPress={() => change(m.person.id, null, m.person.displayName)}
                    >
                      {t('members.remove')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : members.isSuccess ? (
        <p className={wiki.muted}>{t('members.none')}</p>
      ) : null}
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (!person) return;
          change(person.id, role, person.displayName);
          setPerson(null);
        }}
      >
        <h3 className={wiki.h2}>{t('members.add')}</h3>
        <PersonPicker label={t('members.person')} value={person} onChange={setPerson} />
        <SelectField
          label={t('members.role')}
          options={roleOptions}
          value={role}
          onChange={(r) => setRole(r as SpaceRole)}
        />
        <div className={styles.actions}>
          <Button type="submit" isDisabled={!person || setMember.isPending}>
            {t('members.addButton')}
          </Button>
        </div>
      </form>
    </section>
  );
}
