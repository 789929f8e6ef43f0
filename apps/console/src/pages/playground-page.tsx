import { useRef, useState, type FormEvent } from 'react';
import { api, dataOf, errorMessage, ApiError, sessionFetch } from '../api/client';
import { Loaded, useApi } from '../api/use-api';
import { formatCount, formatMoney } from '../format/money';
import { Field, Page, Section } from '../layout/page';
import { addChunk, sseData, type ChatChunk, type Routing, type StreamedAnswer } from '../playground/sse';

interface Turn {
  role: 'user' | 'assistant';
  /** the model that answered (an assistant turn) */
  model?: string;
  content: string;
  usage?: StreamedAnswer['usage'];
  routing?: Routing | null;
  error?: string;
}

/** Streams one chat completion from the gateway (same origin, session cookie), calling `onAnswer` as it grows. */
async function streamChat(
  model: string,
  messages: { role: string; content: string }[],
  signal: AbortSignal,
  onAnswer: (answer: StreamedAnswer) => void,
): Promise<StreamedAnswer> {
  const response = await sessionFetch(
    new Request(new URL('/v1/chat/completions', window.location.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ model, messages, stream: true, stream_options: { include_usage: true } }),
      signal,
    }),
  );
  if (!response.ok || !response.body) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(response.status, body, response.url);
  }
  let answer: StreamedAnswer = { text: '', usage: null, routing: null };
  for await (const data of sseData(response.body)) {
    answer = addChunk(answer, JSON.parse(data) as ChatChunk);
    onAnswer(answer);
  }
  return answer;
}

function RoutingDetails({ routing }: { routing: Routing }) {
  const attempts = routing.attempts ?? [];
  return (
    <details>
      <summary>
        Routed to {routing.channel?.name ?? 'a channel'} ({routing.channel?.channelType ?? 'unknown'}){routing.cached ? ', from cache' : ''}
        {attempts.length > 1 ? `, after ${attempts.length - 1} failover(s)` : ''}
      </summary>
      <pre className="secret">{JSON.stringify(routing, null, 2)}</pre>
    </details>
  );
}

/** Pick a model, chat with it (streamed), and see where each answer went and what it cost. */
export function PlaygroundPage() {
  const models = useApi(async () => dataOf(await api().GET('/v1/models')), []);
  const [model, setModel] = useState('');
  const [prompt, setPrompt] = useState('');
  const [turns, setTurns] = useState<Turn[]>([]);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  async function send(event: FormEvent, chosen: string) {
    event.preventDefault();
    if (!prompt.trim() || !chosen) return;
    const history = [...turns.filter((t) => !t.error), { role: 'user' as const, content: prompt }];
    setTurns([...history, { role: 'assistant', model: chosen, content: '' }]);
    setPrompt('');
    setBusy(true);
    abort.current = new AbortController();
    const update = (last: Partial<Turn>) => setTurns((current) => [...current.slice(0, -1), { ...current[current.length - 1], ...last }]);
    try {
      await streamChat(
        chosen,
        history.map(({ role, content }) => ({ role, content })),
        abort.current.signal,
        (answer) => update({ content: answer.text, usage: answer.usage, routing: answer.routing }),
      );
    } catch (caught) {
      update({ error: errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Playground" intro="Chat with a model through your own account: the answers are billed like any request.">
      <Loaded
        api={models}
        what="the models"
        isEmpty={(list) => list.data.length === 0}
        empty={<p>No model is available to you yet. Ask an operator, or add your own channel.</p>}
      >
        {(list) => {
          const chosen = model || list.data[0].id;
          return (
            <>
              <Section title="Conversation" id="conversation">
                {turns.length === 0 ? (
                  <p className="muted">Nothing said yet.</p>
                ) : (
                  <ol className="chat-log" aria-live="polite">
                    {turns.map((turn, i) => (
                      <li key={i} className="chat-message">
                        <strong>{turn.role === 'user' ? 'You' : turn.model}:</strong> {turn.content}
                        {turn.error && (
                          <p role="alert" className="form-error">
                            {turn.error}
                          </p>
                        )}
                        {turn.role === 'assistant' && turn.usage && (
                          <p className="chat-meta">
                            Cost {formatMoney(turn.usage.cost)} · {formatCount(turn.usage.prompt_tokens)} tokens in,{' '}
                            {formatCount(turn.usage.completion_tokens)} out
                          </p>
                        )}
                        {turn.role === 'assistant' && turn.routing && <RoutingDetails routing={turn.routing} />}
                      </li>
                    ))}
                  </ol>
                )}
              </Section>
              <form className="form" aria-label="Send a message" onSubmit={(e) => void send(e, chosen)}>
                <Field label="Model" id="playground-model">
                  {(props) => (
                    <select {...props} value={chosen} onChange={(e) => setModel(e.target.value)}>
                      {list.data.map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.id}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="Message" id="playground-message">
                  {(props) => <textarea {...props} rows={3} value={prompt} onChange={(e) => setPrompt(e.target.value)} />}
                </Field>
                <div className="page-actions-left">
                  <button type="submit" disabled={busy || !prompt.trim()}>
                    Send
                  </button>{' '}
                  {busy && (
                    <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
                      Stop
                    </button>
                  )}{' '}
                  {!busy && turns.length > 0 && (
                    <button type="button" className="secondary" onClick={() => setTurns([])}>
                      Clear
                    </button>
                  )}
                </div>
              </form>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
