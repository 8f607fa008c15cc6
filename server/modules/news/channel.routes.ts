import { channelIdParams, channelInputSchema } from '@shared/news/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { newsViewer } from './news.access';
import { articleRows } from './news.read-model';
import { createChannel, deleteChannel, listChannels, updateChannel } from './channel.service';

export const channelRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/news/channels',
    tag: 'news',
    summary: 'News channels (with the viewer’s abilities per channel)',
    access: 'user',
    handler: async ({ user }) => ({ data: await listChannels(await newsViewer(user)) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/news/channels',
    tag: 'news',
    summary: 'Editors: create a channel',
    access: 'user',
    body: channelInputSchema,
    handler: async ({ user, body, req, res }) => {
      const dto = await createChannel(user, await newsViewer(user), body, req);
      res.status(201);
      return { data: dto };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/news/channels/:channelId',
    tag: 'news',
    summary: 'Editors: change a channel (name, office, office editors, approval)',
    access: 'user',
    params: channelIdParams,
    body: channelInputSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await updateChannel(user, await newsViewer(user), params.channelId, body, req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/news/channels/:channelId',
    tag: 'news',
    summary: 'Editors: delete a channel without articles',
    access: 'user',
    params: channelIdParams,
    handler: async ({ user, params, req, res }) => {
      const used = (await articleRows()).some((a) => String(a.channelId) === params.channelId);
      await deleteChannel(user, params.channelId, used, req);
      res.status(204).end();
      return undefined;
    },
  }),
];
