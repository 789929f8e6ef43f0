import { IncomingMessage, ServerResponse } from 'http';
import busboy from 'busboy';
import { MockBehaviour, sendJson, sleep } from './http-kit';

/** The speech "audio": a recognisable header, then the input repeated, sent in three pieces. */
export async function speech(body: Record<string, unknown>, behaviour: MockBehaviour, res: ServerResponse): Promise<void> {
  if (typeof body.input !== 'string' || !body.input)
    return sendJson(res, 400, {
      error: { message: "Missing required parameter: 'input'.", type: 'invalid_request_error', param: 'input', code: null },
    });
  const audio = Buffer.concat([
    Buffer.from('ID3mock'),
    Buffer.from(body.input.repeat(Math.ceil(48_000 / body.input.length)).slice(0, 48_000)),
  ]);
  const types: Record<string, string> = {
    mp3: 'audio/mpeg',
    wav: 'audio/wav',
    opus: 'audio/ogg',
    flac: 'audio/flac',
    aac: 'audio/aac',
    pcm: 'audio/pcm',
  };
  res.writeHead(200, { 'content-type': types[String(body.response_format ?? 'mp3')] ?? 'audio/mpeg' });
  const third = Math.ceil(audio.length / 3);
  for (let i = 0; i < audio.length; i += third) {
    if (behaviour.chunk_delay_ms) await sleep(behaviour.chunk_delay_ms);
    res.write(audio.subarray(i, i + third));
  }
  res.end();
}

function timestamp(seconds: number, separator: string): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}${separator}000`;
}

/** A transcript that says how many bytes arrived, in each response format; 16,000 bytes count as one second. */
export function transcription(req: IncomingMessage, res: ServerResponse): void {
  const fields: Record<string, string> = {};
  let bytes = -1;
  let filename = '';
  const parser = busboy({ headers: req.headers });
  parser.on('field', (name, value) => (fields[name] = value));
  parser.on('file', (_name, stream, info) => {
    bytes = 0;
    filename = info.filename ?? '';
    stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  });
  parser.on('close', () => {
    if (bytes < 0 || !fields.model)
      return sendJson(res, 400, {
        error: { message: "Missing required parameter: 'file' or 'model'.", type: 'invalid_request_error', param: null, code: null },
      });
    const seconds = Math.max(1, Math.ceil(bytes / 16_000));
    const text = `transcript of ${bytes} bytes (${filename})`;
    const plain = (type: string, content: string) => {
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
      res.end(content);
    };
    switch (fields.response_format ?? 'json') {
      case 'text':
        return plain('text/plain', `${text}\n`);
      case 'srt':
        return plain('application/x-subrip', `1\n${timestamp(0, ',')} --> ${timestamp(seconds, ',')}\n${text}\n`);
      case 'vtt':
        return plain('text/vtt', `WEBVTT\n\n${timestamp(0, '.')} --> ${timestamp(seconds, '.')}\n${text}\n`);
      case 'verbose_json':
        return sendJson(res, 200, {
          task: 'transcribe',
          language: fields.language ?? 'english',
          duration: seconds,
          text,
          segments: [{ id: 0, start: 0, end: seconds, text }],
        });
      default:
        return sendJson(res, 200, { text, usage: { type: 'duration', seconds } });
    }
  });
  req.pipe(parser);
}
