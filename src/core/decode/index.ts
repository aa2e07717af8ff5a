/**
 * pprof profile decoding: bytes → Profile (see model.ts). `decodeProfile` is the entry point for
 * files; the others are its parts, exported for tests and for callers that know the format.
 */
export { decodeProfile, type DecodeOptions } from './decode-profile.js';
export { decodeProtobuf } from './protobuf.js';
export { parseLegacyHeapProfile } from './legacy-heap.js';
