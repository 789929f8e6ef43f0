import type { CircuitState } from '@switchyard/contracts';

/**
 * How an upstream call went, for the channel's health. A 400 counts as a success: the upstream
 * answered, the request was wrong. Credential failures disable the channel (elsewhere) instead.
 */
export type CallOutcome = 'success' | 'transient' | 'credential';

export interface CircuitSettings {
  /** transient failures inside the window that open the circuit */
  failureThreshold: number;
  windowMs: number;
  /** how long an open circuit refuses traffic before one probe may go through */
  cooldownMs: number;
}

interface ChannelCircuit {
  failures: number[];
  openedAt: number | null;
  probeStartedAt: number | null;
}

/**
 * Circuit breakers per channel, fed with every outcome every replica reports (so all replicas
 * hold the same state). closed → (threshold failures in the window) → open → (cooldown) →
 * half-open: one probe at a time; its success closes the circuit, its failure reopens it.
 */
export class HealthBoard {
  private readonly circuits = new Map<string, ChannelCircuit>();

  constructor(private readonly settings: CircuitSettings) {}

  private circuit(channelId: string): ChannelCircuit {
    let circuit = this.circuits.get(channelId);
    if (!circuit) this.circuits.set(channelId, (circuit = { failures: [], openedAt: null, probeStartedAt: null }));
    return circuit;
  }

  record(channelId: string, outcome: CallOutcome, at: number): void {
    if (outcome === 'credential') return;
    const circuit = this.circuit(channelId);
    if (outcome === 'success') {
      if (circuit.openedAt !== null) this.circuits.delete(channelId);
      return;
    }
    circuit.failures = circuit.failures.filter((t) => t > at - this.settings.windowMs);
    circuit.failures.push(at);
    if (circuit.openedAt !== null) {
      // a failed probe (or a late failure) starts the cooldown again
      circuit.openedAt = Math.max(circuit.openedAt, at);
      circuit.probeStartedAt = null;
    } else if (circuit.failures.length >= this.settings.failureThreshold) {
      circuit.openedAt = at;
    }
  }

  state(channelId: string, now: number): CircuitState {
    const openedAt = this.circuits.get(channelId)?.openedAt ?? null;
    if (openedAt === null) return 'closed';
    return now - openedAt < this.settings.cooldownMs ? 'open' : 'half_open';
  }

  /** May a request go to this channel now? In half-open, only one probe at a time (until it reports or times out). */
  admit(channelId: string, now: number): boolean {
    const state = this.state(channelId, now);
    if (state === 'closed') return true;
    if (state === 'open') return false;
    const circuit = this.circuit(channelId);
    if (circuit.probeStartedAt !== null && now - circuit.probeStartedAt < this.settings.cooldownMs) return false;
    circuit.probeStartedAt = now;
    return true;
  }

  recentFailures(channelId: string, now: number): number {
    return (this.circuits.get(channelId)?.failures ?? []).filter((t) => t > now - this.settings.windowMs).length;
  }

  forget(channelId: string): void {
    this.circuits.delete(channelId);
  }
}
