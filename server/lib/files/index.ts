export {
  DEFAULT_BUCKET,
  getBucket,
  saveFile,
  findFile,
  openDownload,
  readFile,
  deleteFile,
  type FileOwner,
  type StoredFile,
  type SaveFileInput,
} from './gridfs';
export { sniffType, IMAGE_TYPES, type SniffedType } from './sniff';
export {
  uploadMiddleware,
  uploadedFile,
  uploadedFiles,
  uploadField,
  uploadInput,
  type UploadInput,
  type UploadLimits,
} from './upload';
export {
  contentDisposition,
  safeFilename,
  setDownloadHeaders,
  type DownloadHeaders,
} from './headers';
export { sendFile, streamFile, answeredNotModified, type SendFileOptions } from './send';
