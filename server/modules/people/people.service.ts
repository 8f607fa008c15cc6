import type { MeDTO } from '@shared/people/types';
import type { UpdateSettingsInput } from '@shared/people/schemas';
import { PersonModel } from './person.model';
import { presentMe } from './people.presenter';
import type { CurrentUser } from '../auth/current-user';
import { notFound } from '../../lib/errors';

export async function getMe(user: CurrentUser): Promise<MeDTO> {
  const person = await PersonModel.findById(user.id).lean();
  if (!person) throw notFound();
  return presentMe(person, user);
}

export async function updateSettings(
  user: CurrentUser,
  input: UpdateSettingsInput,
): Promise<MeDTO> {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) set[`settings.${key}`] = value;
  // updateOne + read: FerretDB 1.x cannot project in findAndModify (passwordHash is deselected).
  await PersonModel.updateOne({ _id: user.id }, { $set: set });
  const person = await PersonModel.findById(user.id).lean();
  if (!person) throw notFound();
  return presentMe(person, user);
}
