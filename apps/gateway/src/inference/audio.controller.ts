import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  MAX_TRANSCRIPTION_AUDIO_BYTES,
  ParkedPart,
  parkedPartKey,
  Principal,
  SpeechBody,
  TranscriptionFormats,
} from '@switchyard/contracts';
import { ObjectStorage } from '@switchyard/object-storage';
import { Access, Caller } from '../auth/access';
import { admitBody } from '../http/edge';
import { receiveUpload, ReceivedUpload } from '../files/multipart-upload';
import { mediaTypeOf } from '../files/media-type';
import { InferenceService } from './inference.service';

function refusalOf(upload: ReceivedUpload): DomainError | null {
  if (!upload.file) return new DomainError('missing_required_parameter', "Missing required parameter: 'file'", 'file');
  if (upload.failure === 'too_large')
    return new DomainError('request_too_large', `The audio file exceeds ${MAX_TRANSCRIPTION_AUDIO_BYTES} bytes`, 'file', 413);
  if (!upload.fields.model) return new DomainError('missing_required_parameter', "Missing required parameter: 'model'", 'model');
  const format = upload.fields.response_format;
  if (format !== undefined && !(TranscriptionFormats as readonly string[]).includes(format)) {
    return new DomainError('invalid_value', `response_format must be one of ${TranscriptionFormats.join(', ')}`, 'response_format');
  }
  return null;
}

/** Multipart fields as the upstream expects them: `timestamp_granularities[]` is a list, numbers stay numbers. */
function fieldsOf(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name.endsWith('[]')) out[name.slice(0, -2)] = [...((out[name.slice(0, -2)] as string[]) ?? []), value];
    else out[name] = name === 'temperature' ? Number(value) : value;
  }
  return out;
}

@Controller('v1/audio')
export class AudioController {
  constructor(
    private readonly inference: InferenceService,
    private readonly storage: ObjectStorage,
  ) {}

  /** Text to speech: the audio streams back as the upstream produces it. */
  @Post('speech')
  @HttpCode(200)
  @Access('inference')
  async speech(@Caller() caller: Principal, @Body() body: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    admitBody(SpeechBody, body);
    await this.inference.handle('/v1/audio/speech', caller, body as SpeechBody, req, reply, true);
  }

  /**
   * The audio is parked in object storage while the request runs (it never travels over NATS) and
   * removed afterwards; the router streams it to the upstream.
   */
  @Post('transcriptions')
  @HttpCode(200)
  @Access('inference')
  async transcriptions(@Caller() caller: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!req.headers['content-type']?.startsWith('multipart/form-data')) {
      throw new DomainError('invalid_value', 'Send the audio as multipart/form-data with the fields "file" and "model"', null, 415);
    }
    // the audio is the request's only parked part: position 0
    const objectKey = parkedPartKey(caller.userId, String(req.id), 0);
    const upload = await receiveUpload(req.raw, this.storage, objectKey, MAX_TRANSCRIPTION_AUDIO_BYTES, false);
    try {
      const refusal = refusalOf(upload);
      if (refusal) throw refusal;
      const { filename, bytes, declaredType, sha256 } = upload.file!;
      const audio: ParkedPart = { field: 'file', filename, bytes, mediaType: mediaTypeOf(filename, declaredType, undefined) };
      // `file` in the body describes the audio for estimates (and, by its hash, for the response cache); its bytes travel parked
      const body = { ...fieldsOf(upload.fields), model: upload.fields.model, file: { filename, bytes, sha256 } };
      await this.inference.handle('/v1/audio/transcriptions', caller, body, req, reply, false, [audio]);
    } finally {
      if (upload.file && upload.failure === null) await this.storage.remove(objectKey).catch(() => undefined);
    }
  }
}
