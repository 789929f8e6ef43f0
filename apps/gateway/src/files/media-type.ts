const byExtension: Record<string, string> = {
  jsonl: 'application/jsonl',
  json: 'application/json',
  txt: 'text/plain',
  csv: 'text/csv',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp3: 'audio/mpeg',
  mpga: 'audio/mpeg',
  mpeg: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  webm: 'audio/webm',
};

/** The declared part type, unless it says nothing (SDKs often send octet-stream); then by extension. */
export function mediaTypeOf(filename: string, declared: string | undefined, purpose: string | undefined): string {
  if (purpose === 'batch') return 'application/jsonl';
  if (declared && declared !== 'application/octet-stream') return declared;
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  return (extension && byExtension[extension]) || 'application/octet-stream';
}
