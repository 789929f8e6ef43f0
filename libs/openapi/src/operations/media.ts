import {
  DEFAULT_IMAGE_MODEL,
  ImageEditBody,
  ImageGenerationBody,
  MAX_EDIT_IMAGE_BYTES,
  MAX_PARKED_PARTS,
  MAX_TRANSCRIPTION_AUDIO_BYTES,
  RerankBody,
  SpeechBody,
  TranscriptionFormats,
} from '@switchyard/contracts';
import type { Operation } from '../catalog';
import { ROUTING_HEADERS } from '../headers';
import { arrayOf, int, num, object, oneOfValues, str } from '../schemas/schema-kit';
import { CREATED, ROUTING_EXAMPLE } from './examples';
import { ROUTED_ERRORS, routedAnswer, ROUTING_PARAMETERS } from './inference-kit';

const binary = (description: string) => str(description, { format: 'binary' });
const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB (${bytes} bytes)`;

/** Multipart routes refuse other content types with 415, and parts too large with 413. */
const MULTIPART_ERRORS = { 413: ['request_too_large'], 415: ['invalid_value'] } as const;

const IMAGES_EXAMPLE = {
  created: CREATED,
  data: [{ b64_json: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' }],
  usage: { cost: 0.04 },
  _routing: ROUTING_EXAMPLE,
};

/** Images, speech, transcription and rerank (Nest controllers: inference.controller.ts, audio.controller.ts). */
export const MEDIA_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1/images/generations',
    operationId: 'createImage',
    tag: 'Images',
    summary: 'Generate images',
    description: `Without \`model\`, \`${DEFAULT_IMAGE_MODEL}\`. Priced per image. Other fields (\`size\`, \`quality\`, …) go to the upstream unchanged.`,
    access: 'inference',
    upstream: true,
    parameters: ROUTING_PARAMETERS,
    body: { json: { payload: ImageGenerationBody, example: { prompt: 'A lighthouse at dawn, watercolour', n: 1, size: '1024x1024' } } },
    responses: { 200: routedAnswer('The images', 'ImagesResponse', IMAGES_EXAMPLE) },
    errors: ROUTED_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/images/edits',
    operationId: 'editImage',
    tag: 'Images',
    summary: 'Edit images',
    description: `JSON: \`images[]\` by file id (a \`vision\` or \`user_data\` image file uploaded here) or by URL, an optional \`mask\`. Multipart (what the SDKs send): \`image\` or \`image[]\` files and an optional \`mask\`, each at most ${mib(MAX_EDIT_IMAGE_BYTES)}, ${MAX_PARKED_PARTS - 1} images at most. Without \`model\`, \`${DEFAULT_IMAGE_MODEL}\`.`,
    access: 'inference',
    upstream: true,
    parameters: ROUTING_PARAMETERS,
    body: {
      json: {
        payload: ImageEditBody,
        example: { prompt: 'Add a red boat', images: [{ file_id: 'file-3kF9aB2cD4eF6gH8iJ0kL2mN' }] },
      },
      multipart: {
        schema: object(
          {
            image: binary('One input image'),
            'image[]': arrayOf(binary('An input image'), 'Several input images', { maxItems: MAX_PARKED_PARTS - 1 }),
            mask: binary('Where to edit: the transparent areas'),
            prompt: str('What to change', { minLength: 1 }),
            model: str(`Default \`${DEFAULT_IMAGE_MODEL}\``),
            n: int('How many images', { minimum: 1, maximum: 10 }),
            size: str(),
          },
          ['prompt'],
          { description: 'Send `image` or `image[]`; other fields go to the upstream unchanged', additionalProperties: true },
        ),
        example: { prompt: 'Add a red boat', model: DEFAULT_IMAGE_MODEL },
        encoding: { image: { contentType: 'image/png, image/jpeg, image/webp' }, mask: { contentType: 'image/png' } },
      },
    },
    responses: { 200: routedAnswer('The edited images', 'ImagesResponse', IMAGES_EXAMPLE) },
    errors: { ...ROUTED_ERRORS, ...MULTIPART_ERRORS },
  },
  {
    method: 'post',
    path: '/v1/audio/speech',
    operationId: 'createSpeech',
    tag: 'Audio',
    summary: 'Turn text into speech',
    description:
      "The audio streams back as the upstream produces it; `_routing` is in the `x-switchyard-*` headers. Priced per input character at the model's input price.",
    access: 'inference',
    upstream: true,
    parameters: ROUTING_PARAMETERS,
    body: {
      json: { payload: SpeechBody, example: { model: 'gpt-4o-mini-tts', input: 'Hello there', voice: 'alloy', response_format: 'mp3' } },
    },
    responses: {
      200: {
        description:
          'The audio, in `response_format` (mp3 unless said otherwise); cut short (the connection closed) if the upstream fails mid-way',
        headers: ROUTING_HEADERS,
        content: { 'audio/*': { schema: binary('Audio bytes') } },
      },
    },
    errors: ROUTED_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/audio/transcriptions',
    operationId: 'createTranscription',
    tag: 'Audio',
    summary: 'Transcribe audio',
    description: `Multipart only. The audio (at most ${mib(MAX_TRANSCRIPTION_AUDIO_BYTES)}) is held in object storage while the request runs and removed afterwards. Priced per audio second.`,
    access: 'inference',
    upstream: true,
    parameters: ROUTING_PARAMETERS,
    body: {
      multipart: {
        schema: object(
          {
            file: binary(`The audio, at most ${MAX_TRANSCRIPTION_AUDIO_BYTES} bytes`),
            model: str(undefined, { minLength: 1 }),
            response_format: oneOfValues(TranscriptionFormats, '`json` unless said otherwise'),
            language: str('ISO-639-1'),
            prompt: str(),
            temperature: num(),
            'timestamp_granularities[]': arrayOf(oneOfValues(['word', 'segment'])),
          },
          ['file', 'model'],
          { description: 'Other fields go to the upstream unchanged', additionalProperties: true },
        ),
      },
    },
    responses: {
      200: {
        description:
          'The transcript: JSON for `json` and `verbose_json`, text as the upstream sent it for `text`, `srt` and `vtt` (then `_routing` is in the headers only)',
        headers: ROUTING_HEADERS,
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Transcription' },
            example: { text: 'Hello there.', _routing: ROUTING_EXAMPLE },
          },
          'text/plain': { schema: str(), example: 'Hello there.' },
          'text/vtt': { schema: str(), example: 'WEBVTT\n\n00:00:00.000 --> 00:00:01.200\nHello there.\n' },
          'application/x-subrip': { schema: str(), example: '1\n00:00:00,000 --> 00:00:01,200\nHello there.\n' },
        },
      },
    },
    errors: { ...ROUTED_ERRORS, ...MULTIPART_ERRORS },
  },
  {
    method: 'post',
    path: '/v1/rerank',
    operationId: 'rerank',
    tag: 'Rerank',
    summary: 'Rerank documents',
    access: 'inference',
    upstream: true,
    parameters: ROUTING_PARAMETERS,
    body: {
      json: {
        payload: RerankBody,
        example: { model: 'rerank-v3.5', query: 'capital of France', documents: ['Paris is in France', 'Berlin is in Germany'], top_n: 1 },
      },
    },
    responses: {
      200: routedAnswer('The documents by relevance', 'RerankResponse', {
        id: 'rerank-8e1f',
        model: 'rerank-v3.5',
        results: [{ index: 0, relevance_score: 0.98 }],
        usage: { total_tokens: 12, cost: 0.000024 },
        _routing: ROUTING_EXAMPLE,
      }),
    },
    errors: ROUTED_ERRORS,
  },
];
