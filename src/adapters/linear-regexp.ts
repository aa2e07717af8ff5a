/**
 * Switches on V8's linear-time regular expression engine for this process (and its worker
 * threads: V8 flags are per process), so that the `l` flag core/profile/name-pattern.ts uses is
 * accepted. Called first by each door and by the profile worker.
 */
import { setFlagsFromString } from 'node:v8';

export function enableLinearRegExp(): void {
  setFlagsFromString('--enable-experimental-regexp-engine');
}
