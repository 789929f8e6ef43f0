export interface ServerSentEvent {
  /** the `event:` field, null when the event has none (a `message`) */
  event: string | null;
  /** the `data:` lines, joined with newlines */
  data: string;
}

/**
 * The events of a `text/event-stream` body, read as the HTML standard says: lines end with CRLF,
 * LF or CR; a blank line ends an event; `:` starts a comment; one space after the colon is not part
 * of the value; an event without data is not dispatched, nor is one the stream ended before its blank line.
 */
export function parseServerSentEvents(text: string): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  let event: string | null = null;
  let data: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.pop(); // what follows the last line break is an unfinished line
  for (const line of lines) {
    if (line === '') {
      if (data.length) events.push({ event, data: data.join('\n') });
      event = null;
      data = [];
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return events;
}
