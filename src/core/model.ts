/**
 * The decoded profile, named after google/pprof's profile.proto (package perftools.profiles).
 *
 * Ids and string-table indices are resolved by the decoder: nothing here holds a raw index into the
 * wire data. Locations, functions and mappings are objects (there are tens of thousands at most);
 * samples are columnar typed arrays, because a profile may carry hundreds of thousands of them.
 *
 * 64-bit wire values: addresses, mapping bounds, file offsets and time stamps are `bigint`.
 * Sample values, label numbers and line numbers are `number`; the decoder rejects any that does not
 * fit exactly in a double (|v| > 2^53) rather than rounding it.
 */

/** A sample type or the period type: `type` and `unit` as strings (e.g. inuse_space / bytes). */
export interface ValueType {
  readonly type: string;
  readonly unit: string;
}

export interface Mapping {
  readonly id: number | bigint;
  readonly memoryStart: bigint;
  readonly memoryLimit: bigint;
  readonly fileOffset: bigint;
  readonly filename: string;
  readonly buildId: string;
  readonly hasFunctions: boolean;
  readonly hasFilenames: boolean;
  readonly hasLineNumbers: boolean;
  readonly hasInlineFrames: boolean;
}

export interface Function {
  readonly id: number | bigint;
  readonly name: string;
  readonly systemName: string;
  readonly filename: string;
  readonly startLine: number;
}

/** One frame of a location. In `Location.line`, earlier entries are inlined callees; the last is the caller. */
export interface Line {
  /** Undefined when the wire's function_id is 0 (no function). */
  readonly function: Function | undefined;
  readonly line: number;
  readonly column: number;
}

export interface Location {
  readonly id: number | bigint;
  /** Undefined when the wire's mapping_id is 0. */
  readonly mapping: Mapping | undefined;
  readonly address: bigint;
  readonly line: readonly Line[];
  readonly isFolded: boolean;
}

/**
 * All samples of a profile, column by column. Sample `i`:
 * - locations: `locationIndex[locationStart[i] .. locationStart[i+1])`, leaf first (as on the wire),
 *   each an index into `Profile.location` (a column of numbers, not object references: a large
 *   profile has millions of them, and a typed array costs the garbage collector nothing);
 * - values: `value[i * sampleType.length + t]` for sample type `t`;
 * - labels: entries `labelStart[i] .. labelStart[i+1]` of the label columns. A label is either a
 *   string label (`labelStr[j]` set, `labelNum[j]` 0) or a numeric one (`labelStr[j]` "", with
 *   `labelNum[j]` and `labelNumUnit[j]`).
 */
export interface Samples {
  readonly count: number;
  readonly locationStart: Uint32Array;
  readonly locationIndex: Uint32Array;
  readonly value: Float64Array;
  readonly labelStart: Uint32Array;
  readonly labelKey: readonly string[];
  readonly labelStr: readonly string[];
  readonly labelNum: Float64Array;
  readonly labelNumUnit: readonly string[];
}

export interface Profile {
  readonly sampleType: readonly ValueType[];
  readonly samples: Samples;
  readonly mapping: readonly Mapping[];
  readonly location: readonly Location[];
  readonly function: readonly Function[];
  readonly dropFrames: string;
  readonly keepFrames: string;
  readonly timeNanos: bigint;
  readonly durationNanos: bigint;
  /** Undefined when the profile has no period_type. */
  readonly periodType: ValueType | undefined;
  /** The sampling period; for Go heap profiles, MemProfileRate in bytes. */
  readonly period: number;
  readonly comment: readonly string[];
  /**
   * Index into `sampleType` of the default sample type: `default_sample_type` resolved by name,
   * else the last sample type (pprof's rule). -1 when the profile has no sample types.
   */
  readonly defaultSampleTypeIndex: number;
  readonly docUrl: string;
}
