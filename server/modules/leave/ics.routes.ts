import { z } from 'zod';
import type { Request } from 'express';
import { defineRoute, type RouteDef } from '../../lib/route';
import { notFound } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { icsFeed, icsToken, personOfToken, renewIcsToken } from './ics.service';

const feedUrl = (req: Request, token: string) =>
  `${req.protocol}://${req.get('host') ?? 'localhost'}/api/leave/feed/${token}.ics`;

const feedParams = z.object({ file: z.string().regex(/^[0-9a-f]{24}\.[A-Za-z0-9_-]{43}\.ics$/) });

export const leaveIcsRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/leave/ics',
    tag: 'leave',
    summary: 'The address of my ICS feed of approved leave (created on first use)',
    access: 'user',
    handler: async ({ user, req }) => ({ data: { url: feedUrl(req, await icsToken(user.id)) } }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/leave/ics',
    tag: 'leave',
    summary: 'A new ICS feed address; the previous one stops working',
    access: 'user',
    handler: async ({ user, req }) => {
      const token = await renewIcsToken(user.id);
      await audit({
        action: 'leave.ics_renewed',
        actorId: user.id,
        subjectType: 'person',
        subjectId: user.id,
        req,
      });
      return { data: { url: feedUrl(req, token) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/leave/feed/:file',
    tag: 'leave',
    summary: 'ICS feed of one person’s approved leave (the token in the address is the credential)',
    access: 'public',
    raw: true,
    handler: async ({ req, res }) => {
      // A malformed address answers like an unknown token.
      const parsed = feedParams.safeParse(req.params);
      if (!parsed.success) throw notFound();
      const personId = await personOfToken(parsed.data.file.slice(0, -'.ics'.length));
      const body = personId ? await icsFeed(personId) : null;
      if (body === null) throw notFound();
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Content-Disposition', 'inline; filename="urlaub.ics"');
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(body);
      return undefined;
    },
  }),
];
