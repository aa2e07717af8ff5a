/**
 * The decoded profile, named after google/pprof's profile.proto (package perftools.profiles).
 *
 * Ids and string-table indices are resolved by the decoder: nothing here holds a raw index into the
 * wire data; references between tables are positions in the referenced table. Functions and mappings
 * are objects (there are tens of thousands at most, and their names are strings anyway). Samples,
 * locations and lines are columnar typed arrays: a large profile has hundreds of thousands of
 * locations and lines and millions of sample frames, and an object per item is what the garbage
 * collector spends its time on, while a typed array costs it nothing.
 *
 * 64-bit wire values: addresses, mapping bounds, file offsets and time stamps are `bigint` (location
 * ids and addresses: `BigUint64Array` columns).
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

/**
 * All locations of a profile, column by column, in wire order. Location `l`:
 * - `id[l]`: its wire id (uint64, never 0);
 * - `mapping[l]`: the position of its mapping in `Profile.mapping`, -1 when the wire's mapping_id is 0;
 * - `address[l]`, `isFolded[l]` (1 or 0);
 * - its lines: entries `lineStart[l] .. lineStart[l+1]` of `Profile.lines`. Earlier entries are
 *   inlined callees; the last is the caller. A location may have no lines (unsymbolized).
 */
export interface Locations {
  readonly count: number;
  readonly id: BigUint64Array;
  readonly mapping: Int32Array;
  readonly address: BigUint64Array;
  readonly isFolded: Uint8Array;
  readonly lineStart: Uint32Array;
}

/**
 * The lines of all locations, column by column, location after location (see `Locations.lineStart`).
 * Line `j`: `function[j]` is the position of its function in `Profile.function` (-1 when the wire's
 * function_id is 0: no function), `line[j]` and `column[j]` its line and column numbers.
 */
export interface Lines {
  readonly count: number;
  readonly function: Int32Array;
  readonly line: Float64Array;
  readonly column: Float64Array;
}

/**
 * All samples of a profile, column by column. Sample `i`:
 * - locations: `locationIndex[locationStart[i] .. locationStart[i+1])`, leaf first (as on the wire),
 *   each a location's position in `Profile.locations`;
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
  readonly locations: Locations;
  readonly lines: Lines;
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

/**
 * The parts of a Profile that its samples refer to or are weighed by: decoded before the samples,
 * so that samples can be summed as they are decoded.
 */
export type ProfileTables = Pick<
  Profile,
  'sampleType' | 'mapping' | 'locations' | 'lines' | 'function' | 'periodType' | 'period'
>;
