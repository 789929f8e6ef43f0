import { createHash } from 'crypto';

/** Deterministic content and usage, so tests and benchmarks can assert exact numbers. */

type Message = { role?: unknown; content?: unknown };

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) =>
        part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '',
      )
      .join(' ');
  }
  return '';
}

export function promptTokensOf(messages: Message[]): number {
  return messages.reduce((sum, m) => sum + 3 + Math.ceil(textOf(m.content).length / 4), 0);
}

export function replyTo(messages: Message[]): string {
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const text = textOf(lastUser?.content).trim().slice(0, 200);
  return `Echo: ${text || '(empty)'}`;
}

const FILLER = 'lorem ipsum dolor sit amet consectetur adipiscing elit ';

/** The reply made exactly `chars` long with filler words (benchmarks ask for answers of a given size). */
export function paddedReply(reply: string, chars: number | undefined): string {
  if (!chars || chars <= reply.length) return reply;
  const filler = ` ${FILLER.repeat(Math.ceil(chars / FILLER.length))}`;
  return `${reply}${filler}`.slice(0, chars);
}

/** Words keep their trailing space so the concatenated deltas equal the whole reply. */
export function wordsOf(reply: string): string[] {
  return reply.match(/\S+\s*/g) ?? [reply];
}

export function completionTokensOf(reply: string): number {
  return wordsOf(reply).length;
}

export function embeddingOf(input: string, dimensions: number): number[] {
  const out: number[] = [];
  let counter = 0;
  while (out.length < dimensions) {
    const digest = createHash('sha256').update(`${counter++}:${input}`).digest();
    for (let i = 0; i + 1 < digest.length && out.length < dimensions; i += 2) {
      out.push(Number(((digest.readUInt16LE(i) / 65535) * 2 - 1).toFixed(6)));
    }
  }
  return out;
}

export function base64Floats(values: number[]): string {
  const floats = new Float32Array(values);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}
