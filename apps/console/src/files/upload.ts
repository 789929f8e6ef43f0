import type { components } from '@switchyard/api-client';
import { ApiError } from '../api/client';

export type StoredFile = components['schemas']['File'];
export type UploadPurpose = 'batch' | 'user_data' | 'vision';

export interface UploadHandle {
  done: Promise<StoredFile>;
  abort: () => void;
}

/**
 * `POST /v1/files` through XMLHttpRequest, the one browser API that reports upload progress. Same
 * origin, so the session cookie and the Origin header go with it; an error answer becomes an
 * {@link ApiError} carrying the server's envelope, like every other call of the console.
 */
export function uploadFile(file: File, purpose: UploadPurpose, onProgress: (sent: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<StoredFile>((resolve, reject) => {
    xhr.open('POST', '/v1/files');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as StoredFile);
      else reject(new ApiError(xhr.status, body, '/v1/files'));
    };
    xhr.onerror = () => reject(new Error('The upload did not reach the server.'));
    xhr.onabort = () => reject(new Error('Upload cancelled.'));
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A byte count for people: 1.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
