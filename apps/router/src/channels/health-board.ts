import type { CallOutcome, ChannelType, CircuitState } from '@switchyard/contracts';

export type { CallOutcome };

export interface CircuitSettings {
  /** transient failures inside the window that open the circuit */
  failureThreshold: number;
  windowMs: number;
  /** how long an open circuit refuses traffic before one probe may go through */
  cooldownMs: number;
  /**
   * distinct callers among those failures before a shared (PLATFORM) circuit opens, so that one
   * caller's requests cannot take a model away from everyone else; a PRIVATE channel serves its
   * owner only, so one caller is enough there
   */
  minCallers: number;
}

/** One upstream call's outcome, as reported by the replica that made it. */
export interface CallReport {
  channelId: string;
  channelType: ChannelType;
  model: string;
  callerUserId: string;
  outcome: CallOutcome;
  at: number;
  /** what went wrong, for a failure */
  error?: string;
}

/** One model's circuit on a channel, and its last error. */
export interface ModelHealth {
  model: string;
  circuit: CircuitState;
  recentFailures: number;
  lastError: { message: string; at: number } | null;
}

interface Circuit {
  /** times of the failures inside the window, oldest first */
  failures: number[];
  /** each caller's latest failure: the distinct callers inside the window */
  lastFailureOf: Map<string, number>;
  openedAt: number | null;
  /** callers whose calls failed since the circuit (re)opened */
  failedSinceOpened: Set<string>;
  probeStartedAt: number | null;
  /** a PRIVATE channel's (its metrics label hides its id) */
  isPrivate: boolean;
}

const severity: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

/**
 * Circuit breakers per channel and model, fed with every outcome every replica reports (so all
 * replicas hold the same state): one model failing on a channel leaves its other models alone.
 * closed → (threshold failures in the window, from enough distinct callers) → open → (cooldown) →
 * half-open: one probe at a time; its success closes the circuit, failures from enough distinct
 * callers reopen it.
 */
export class HealthBoard {
  private readonly channels = new Map<string, Map<string, Circuit>>();
  /** each channel's models' last failure: kept when a circuit closes or is forgotten (it is history, not state) */
  private readonly lastErrors = new Map<string, Map<string, { message: string; at: number }>>();

  constructor(private readonly settings: CircuitSettings) {}

  private circuit(channelId: string, model: string): Circuit {
    let models = this.channels.get(channelId);
    if (!models) this.channels.set(channelId, (models = new Map()));
    let circuit = models.get(model);
    if (!circuit)
      models.set(
        model,
        (circuit = {
          failures: [],
          lastFailureOf: new Map(),
          openedAt: null,
          failedSinceOpened: new Set(),
          probeStartedAt: null,
          isPrivate: false,
        }),
      );
    return circuit;
  }

  private callersNeeded(channelType: ChannelType): number {
    return channelType === 'PRIVATE' ? 1 : this.settings.minCallers;
  }

  record(report: CallReport): void {
    const { channelId, model, outcome, at } = report;
    if (outcome !== 'success') this.noteError(report);
    if (outcome === 'credential') return;
    if (outcome === 'success') {
      if (this.channels.get(channelId)?.get(model)?.openedAt != null) this.channels.get(channelId)!.delete(model);
      return;
    }
    const circuit = this.circuit(channelId, model);
    circuit.isPrivate = report.channelType === 'PRIVATE';
    // a caller that keeps failing a closed circuit makes it long: trimming costs O(1) per failure, not O(window)
    const since = at - this.settings.windowMs;
    while (circuit.failures.length > 0 && circuit.failures[0] <= since) circuit.failures.shift();
    circuit.failures.push(at);
    for (const [caller, last] of circuit.lastFailureOf) if (last <= since) circuit.lastFailureOf.delete(caller);
    circuit.lastFailureOf.set(report.callerUserId, Math.max(at, circuit.lastFailureOf.get(report.callerUserId) ?? at));
    const needed = this.callersNeeded(report.channelType);
    if (circuit.openedAt !== null) {
      // failed probes (or late failures) start the cooldown again once they come from enough callers:
      // one caller failing every probe cannot keep a shared circuit open; until then the next request probes
      circuit.failedSinceOpened.add(report.callerUserId);
      if (circuit.failedSinceOpened.size >= needed) {
        circuit.openedAt = Math.max(circuit.openedAt, at);
        circuit.failedSinceOpened.clear();
      }
      circuit.probeStartedAt = null;
    } else if (circuit.failures.length >= this.settings.failureThreshold && circuit.lastFailureOf.size >= needed) {
      circuit.openedAt = at;
    }
  }

  state(channelId: string, model: string, now: number): CircuitState {
    const openedAt = this.channels.get(channelId)?.get(model)?.openedAt ?? null;
    if (openedAt === null) return 'closed';
    return now - openedAt < this.settings.cooldownMs ? 'open' : 'half_open';
  }

  /** Every circuit this replica keeps (closed ones with failures in the window included), for the metrics. */
  *circuits(now: number): Generator<{ channelId: string; model: string; state: CircuitState; isPrivate: boolean; severity: number }> {
    for (const [channelId, models] of this.channels)
      for (const [model, circuit] of models) {
        const state = this.state(channelId, model, now);
        yield { channelId, model, state, isPrivate: circuit.isPrivate, severity: severity[state] };
      }
  }

  /** The worst circuit among the channel's models, for people looking at the channel. */
  worstState(channelId: string, now: number): CircuitState {
    let worst: CircuitState = 'closed';
    for (const model of this.channels.get(channelId)?.keys() ?? []) {
      const state = this.state(channelId, model, now);
      if (severity[state] > severity[worst]) worst = state;
    }
    return worst;
  }

  /** May a request for this model go to this channel now? In half-open, only one probe at a time (until it reports or times out). */
  admit(channelId: string, model: string, now: number): boolean {
    const state = this.state(channelId, model, now);
    if (state === 'closed') return true;
    if (state === 'open') return false;
    const circuit = this.circuit(channelId, model);
    if (circuit.probeStartedAt !== null && now - circuit.probeStartedAt < this.settings.cooldownMs) return false;
    circuit.probeStartedAt = now;
    return true;
  }

  /** Failures inside the window, over all the channel's models. */
  recentFailures(channelId: string, now: number): number {
    let count = 0;
    for (const circuit of this.channels.get(channelId)?.values() ?? [])
      count += circuit.failures.filter((at) => at > now - this.settings.windowMs).length;
    return count;
  }

  forget(channelId: string): void {
    this.channels.delete(channelId);
  }

  private noteError(report: CallReport): void {
    let models = this.lastErrors.get(report.channelId);
    if (!models) this.lastErrors.set(report.channelId, (models = new Map()));
    const last = models.get(report.model);
    // reports from other replicas may arrive out of order: keep the latest
    if (!last || last.at <= report.at) models.set(report.model, { message: report.error ?? report.outcome, at: report.at });
  }

  /** Each of `models`, then every other model with a circuit or an error on the channel: its circuit, recent failures, last error. */
  modelHealth(channelId: string, models: readonly string[], now: number): ModelHealth[] {
    const known = [...(this.channels.get(channelId)?.keys() ?? []), ...(this.lastErrors.get(channelId)?.keys() ?? [])];
    return [...new Set([...models, ...known])].map((model) => ({
      model,
      circuit: this.state(channelId, model, now),
      recentFailures:
        this.channels
          .get(channelId)
          ?.get(model)
          ?.failures.filter((at) => at > now - this.settings.windowMs).length ?? 0,
      lastError: this.lastErrors.get(channelId)?.get(model) ?? null,
    }));
  }

  /** The channel is gone: nothing of it is kept. */
  remove(channelId: string): void {
    this.channels.delete(channelId);
    this.lastErrors.delete(channelId);
  }
}
