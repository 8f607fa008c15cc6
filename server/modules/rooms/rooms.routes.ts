import type { RequestHandler } from 'express';
import {
  roomArchiveSchema,
  roomCreateSchema,
  roomIdParams,
  roomListQuerySchema,
  roomUpdateSchema,
} from '@shared/rooms/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { sendFile, uploadMiddleware, uploadedFile } from '../../lib/files';
import { requireRoom } from './access';
import { listRooms } from './room-list.service';
import {
  ROOM_IMAGE_FIELD,
  ROOM_IMAGE_MAX_BYTES,
  openRoomImage,
  removeRoomImage,
  setRoomImage,
} from './room-image.service';
import { createRoom, getRoom, setArchived, updateRoom } from './room.service';

/** 404/403/409 before the body is read: nobody without the right uploads 2 MB first. */
const mayUpdate: RequestHandler = (req, _res, next) => {
  const roomId = String(req.params.roomId ?? '');
  if (!req.user || !/^[0-9a-f]{24}$/.test(roomId)) return next(); // the route answers 401/400
  requireRoom(req.user, roomId, 'update').then(() => next(), next);
};

const imageUpload = uploadMiddleware({
  field: ROOM_IMAGE_FIELD,
  maxBytes: ROOM_IMAGE_MAX_BYTES,
  maxFields: 0,
});

export const roomRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/rooms',
    tag: 'rooms',
    summary:
      'Rooms: `scope=mine` (my rooms, with unread activity) or `scope=discover` (open and closed rooms; secret ones only for members); `total` counts only rooms the viewer may see',
    access: 'user',
    query: roomListQuerySchema,
    handler: async ({ user, query }) => listRooms(user, query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rooms',
    tag: 'rooms',
    summary:
      'Create a room (digital movers, editors, administrators); idempotent by `clientId` (201 new, 200 the same room again)',
    access: 'user',
    body: roomCreateSchema,
    handler: async ({ req, res, user, body }) => {
      const { room, created } = await createRoom(user, body, { req });
      res.status(created ? 201 : 200);
      return { data: room };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/rooms/:roomId',
    tag: 'rooms',
    summary: 'A room with the viewer’s role and abilities (404 for secret rooms of others)',
    access: 'user',
    params: roomIdParams,
    handler: async ({ user, params }) => ({ data: await getRoom(user, params.roomId) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/rooms/:roomId',
    tag: 'rooms',
    summary:
      'Change settings (rev-guarded): name/description (moderators), visibility/modules/review date (owners)',
    access: 'user',
    params: roomIdParams,
    body: roomUpdateSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await updateRoom(user, params.roomId, body, req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rooms/:roomId/archive',
    tag: 'rooms',
    summary: 'Archive the room: read-only for everyone (owners; rev-guarded)',
    access: 'user',
    params: roomIdParams,
    body: roomArchiveSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await setArchived(user, params.roomId, true, body.rev, req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rooms/:roomId/restore',
    tag: 'rooms',
    summary: 'Restore an archived room (owners; rev-guarded)',
    access: 'user',
    params: roomIdParams,
    body: roomArchiveSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await setArchived(user, params.roomId, false, body.rev, req),
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/rooms/:roomId/image',
    tag: 'rooms',
    summary:
      'Set the room image (multipart field `image`: JPEG, PNG or WebP, at most 2 MB; moderators)',
    access: 'user',
    params: roomIdParams,
    before: [mayUpdate, imageUpload],
    handler: async ({ req, user, params }) => {
      const file = uploadedFile(req, ROOM_IMAGE_FIELD);
      await setRoomImage(user, params.roomId, file, req);
      return { data: await getRoom(user, params.roomId) };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/rooms/:roomId/image',
    tag: 'rooms',
    summary: 'Remove the room image (moderators)',
    access: 'user',
    params: roomIdParams,
    handler: async ({ req, user, params }) => {
      await removeRoomImage(user, params.roomId, req);
      return { data: await getRoom(user, params.roomId) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/rooms/:roomId/image',
    tag: 'rooms',
    summary: 'The room image (for everyone who may see the room); 404 when there is none',
    access: 'user',
    params: roomIdParams,
    raw: true,
    handler: async ({ res, user, params }) => {
      const { file, stream } = await openRoomImage(user, params.roomId);
      return sendFile(res, stream, {
        filename: file.filename,
        contentType: file.contentType,
        length: file.length,
        inline: true,
        cacheControl: 'private, max-age=3600',
      });
    },
  }),
];
