/**
 * pprof profile decoding: bytes → Profile (see model.ts). `decodeProfile` is the entry point for
 * files; the others are its parts, exported for tests and for callers that know the format.
 * `readProfile` and `decodeProtobufWith` leave reading the samples to the caller, which may hand
 * them one by one to a SampleSink instead of storing them (see summarizeEncoded in aggregate.ts).
 */
export {
  decodeProfile,
  gunzipProfile,
  readProfile,
  DEFAULT_MAX_PROFILE_BYTES,
  type DecodeOptions,
  type ProfileForms,
} from './decode-profile.js';
export { decodeProtobuf, decodeProtobufWith } from './protobuf.js';
export type { SampleReader, SampleSink } from './samples.js';
export { parseLegacyHeapProfile } from './legacy-heap.js';
export { parseV8HeapProfile } from './v8-heap-profile.js';
