// Tests wait for what happens in the background with the helper the services use to wait for their own
// dependencies: one implementation, in the runtime library.
export { eventually } from '@switchyard/runtime';
export type { EventuallyOptions, EventuallyUntil } from '@switchyard/runtime';
