import { updateOwnProfileSchema, updateSettingsSchema } from '@shared/people/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { getMe, updateSettings } from './people.service';
import { updateOwnProfile } from './profile.service';

export const meRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/me',
    tag: 'people',
    summary: 'The signed-in person, their settings and abilities',
    access: 'user',
    handler: async ({ user }) => ({ data: await getMe(user) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/me/settings',
    tag: 'people',
    summary: 'Change own settings (language, text size, contrast, reduced motion)',
    access: 'user',
    body: updateSettingsSchema,
    handler: async ({ user, body }) => ({ data: await updateSettings(user, body) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/me/profile',
    tag: 'people',
    summary: 'Change own phone, languages, responsibilities and deputy',
    access: 'user',
    body: updateOwnProfileSchema,
    handler: async ({ user, body, req }) => ({ data: await updateOwnProfile(user, body, req) }),
  }),
];
