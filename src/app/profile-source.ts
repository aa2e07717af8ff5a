import type { ProfileSummary } from '../core/aggregate.js';

/** Which side of the comparison a profile is; used in messages ("decoding base profile ..."). */
export type ProfileRole = 'base' | 'current';

/**
 * Where a profile comes from: a file to read, or bytes already in memory (e.g. a baseline fetched
 * from a store). `label` names it in messages and reports (the path as given, or a store key).
 */
export type ProfileSource =
  | { readonly role: ProfileRole; readonly label: string; readonly path: string }
  | { readonly role: ProfileRole; readonly label: string; readonly bytes: Uint8Array };

/**
 * Reads, decodes and summarizes profiles; resolves to one summary per source, in order.
 * `focus` are the function rules' patterns (SummarizeOptions.focus), the same for every source.
 * Rejects with a HeapgateError whose message starts with the step, role and label:
 * `reading base profile a.pb.gz: no such file`, `decoding current profile b.pb.gz: ...`.
 */
export type SummaryLoader = (
  sources: readonly ProfileSource[],
  focus: readonly string[],
) => Promise<ProfileSummary[]>;
