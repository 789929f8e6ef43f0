/**
 * Whether this process takes new work. It is ready from boot until its shutdown starts, and never
 * again after: the first step of every shutdown marks it draining, so the gateway's `GET /ready`
 * answers 503 at once and a load balancer stops sending before the listener closes.
 */
export class Readiness {
  private drainingSince: number | null = null;

  get ready(): boolean {
    return this.drainingSince === null;
  }

  markDraining(now = Date.now()): void {
    this.drainingSince ??= now;
  }
}

/** The one readiness of this process (in single mode every service shares it: they stop together). */
export const processReadiness = new Readiness();
