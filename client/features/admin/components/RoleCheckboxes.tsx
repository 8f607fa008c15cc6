import { useTranslation } from 'react-i18next';
import { roles, type Role } from '@shared/people/roles';
import { CheckboxField } from '../../../components/CheckboxField';
import fields from '../../../components/fields.module.css';
import forms from '../../people/components/forms.module.css';

/** Roles as a group of checkboxes ("manager" is not here: it follows from leading a unit). */
export function RoleCheckboxes({
  value,
  onChange,
  errorMessage,
  legend,
}: {
  value: Role[];
  onChange: (next: Role[]) => void;
  errorMessage?: string;
  legend: string;
}) {
  const { t } = useTranslation('people');
  return (
    <fieldset
      className={forms.fieldset}
      aria-describedby={errorMessage ? 'roles-error' : undefined}
    >
      <legend className={fields.label}>{legend}</legend>
      {roles.map((role) => (
        <CheckboxField
          key={role}
          isSelected={value.includes(role)}
          onChange={(on) => onChange(on ? [...value, role] : value.filter((r) => r !== role))}
        >
          {t(`roles.${role}`)}
        </CheckboxField>
      ))}
      {errorMessage ? (
        <p id="roles-error" className={fields.error}>
          {errorMessage}
        </p>
      ) : null}
    </fieldset>
  );
}
