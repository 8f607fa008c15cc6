import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import {
  fileListQuerySchema,
  fileParams,
  fileUpdateSchema,
  fileUploadFieldsSchema,
  fileVersionParams,
  folderCreateSchema,
  folderParams,
  folderUpdateSchema,
  roomIdParams,
} from '@shared/rooms/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { sendFile, uploadField, uploadMiddleware, uploadedFile } from '../../../lib/files';
import { parseOrThrow } from '../../../middleware/validate';
import {
  ROOM_FILE_MAX_BYTES,
  ROOM_UPLOAD_FIELD,
  deleteRoomFile,
  ensureMayUpload,
  updateRoomFile,
  uploadRoomFile,
} from './file.service';
import { createFolder, deleteFolder, updateFolder } from './folder.service';
import { listRoomFiles, listRoomFolders, openRoomFile } from './files.read';

const tag = 'rooms';
const base = '/api/rooms/:roomId';
const noQuery = z.object({}).strict();
const folderDeleteQuery = z
  .object({ recursive: z.enum(['true', 'false']).default('false') })
  .strict();

const upload = uploadMiddleware({
  field: ROOM_UPLOAD_FIELD,
  maxBytes: ROOM_FILE_MAX_BYTES,
  maxFields: 3,
});

/** Refuses before the body is read: nobody who may not upload here gets to send 50 MB. */
const mayUpload: RequestHandler = (req, _res, next) => {
  const params = roomIdParams.safeParse(req.params);
  if (!req.user || !params.success) return next();
  ensureMayUpload(req.user, params.data.roomId).then(() => next(), next);
};

type Opened = Awaited<ReturnType<typeof openRoomFile>>;

/** Streams a file; downloads never from a cache, never sniffed, never run in our origin. */
function send(res: Response, f: Opened, inline: boolean): Promise<undefined> {
  return sendFile(res, f.stream, {
    filename: f.name,
    contentType: f.contentType,
    length: f.size,
    inline,
    cacheControl: 'private, no-store',
    // Shown in the portal's preview dialog (same origin only); a PDF keeps a sandbox without
    // `default-src 'none'`, which would also block the browser's PDF viewer.
    headers: inline
      ? {
          'Content-Security-Policy':
            f.preview === 'pdf'
              ? "sandbox; frame-ancestors 'self'"
              : "default-src 'none'; frame-ancestors 'self'; sandbox",
          'X-Frame-Options': 'SAMEORIGIN',
        }
      : undefined,
  });
}

/** Room files: folders, uploads with versions, download and preview. Members only (404 else). */
export const roomFileRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/files`,
    tag,
    summary: 'A folder of the room (root without folderId): breadcrumbs, sub-folders, files',
    access: 'user',
    params: roomIdParams,
    query: fileListQuerySchema,
    handler: async ({ user, params, query }) => ({
      data: await listRoomFiles(user, params.roomId, query.folderId ?? null),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/folders`,
    tag,
    summary: 'Every folder of the room, by name (folder picker)',
    access: 'user',
    params: roomIdParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await listRoomFolders(user, params.roomId) }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/folders`,
    tag,
    summary: 'Create a folder (members; names unique among siblings: 409)',
    access: 'user',
    params: roomIdParams,
    body: folderCreateSchema,
    handler: async ({ res, user, params, body }) => {
      res.status(201);
      return { data: await createFolder(user, params.roomId, body) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/folders/:folderId`,
    tag,
    summary: 'Rename or move a folder (author or moderator; into itself: 400; name taken: 409)',
    access: 'user',
    params: folderParams,
    body: folderUpdateSchema,
    handler: async ({ user, params, body }) => ({
      data: await updateFolder(user, params.roomId, params.folderId, body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/folders/:folderId`,
    tag,
    summary: 'Delete a folder (moderators; with content only with recursive=true, else 409)',
    access: 'user',
    params: folderParams,
    query: folderDeleteQuery,
    handler: async ({ req, user, params, query }) => ({
      data: await deleteFolder(
        user,
        params.roomId,
        params.folderId,
        query.recursive === 'true',
        req,
      ),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/files`,
    tag,
    summary:
      'Upload a file (members; 50 MB; type sniffed, image metadata removed); multipart `file` + `folderId`, or `fileId` for a new version; optional `uploadId` (a retry with it is stored once: 200)',
    access: 'user',
    params: roomIdParams,
    before: [mayUpload, upload],
    handler: async ({ req, res, user, params }) => {
      const file = uploadedFile(req, ROOM_UPLOAD_FIELD);
      const fields = parseOrThrow(fileUploadFieldsSchema, {
        folderId: uploadField(req, 'folderId') || undefined,
        fileId: uploadField(req, 'fileId') || undefined,
        uploadId: uploadField(req, 'uploadId') || undefined,
      });
      const r = await uploadRoomFile(user, params.roomId, {
        buffer: file.buffer,
        originalName: file.originalname,
        ...fields,
      });
      res.status(r.created ? 201 : 200);
      return { data: r.file };
    },
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/files/:fileId`,
    tag,
    summary: 'Rename or move a file (author or moderator; name taken: 409)',
    access: 'user',
    params: fileParams,
    body: fileUpdateSchema,
    handler: async ({ user, params, body }) => ({
      data: await updateRoomFile(user, params.roomId, params.fileId, body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/files/:fileId`,
    tag,
    summary: 'Delete a file with all versions (author or moderator)',
    access: 'user',
    params: fileParams,
    handler: async ({ req, user, params }) => {
      await deleteRoomFile(user, params.roomId, params.fileId, req);
      return { data: { ok: true } };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/files/:fileId/download`,
    tag,
    summary: 'Download the latest version (attachment)',
    access: 'user',
    params: fileParams,
    query: noQuery,
    raw: true,
    handler: async ({ res, user, params }) =>
      send(res, await openRoomFile(user, params.roomId, params.fileId, {}), false),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/files/:fileId/preview`,
    tag,
    summary: 'Show the latest version inline (images and PDF only, sandboxed; others 404)',
    access: 'user',
    params: fileParams,
    query: z.object({ v: z.string().max(10).optional() }).strict(),
    raw: true,
    handler: async ({ res, user, params }) =>
      send(res, await openRoomFile(user, params.roomId, params.fileId, { preview: true }), true),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/files/:fileId/versions/:version`,
    tag,
    summary: 'Download a given version (1 = first; attachment)',
    access: 'user',
    params: fileVersionParams,
    query: noQuery,
    raw: true,
    handler: async ({ res, user, params }) =>
      send(
        res,
        await openRoomFile(user, params.roomId, params.fileId, { version: params.version }),
        false,
      ),
  }),
];
