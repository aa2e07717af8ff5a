/**
 * The Action's JSON report (the `report` output's file): the gate's verdict and context around the
 * comparison's JSON report (docs/report-schema.md), which is null when there was no baseline.
 */
import type { Acceptance, BaselineInfo, BaselineUpdate, GateVerdict } from '../verdict/gate.js';
import type { Report } from '../verdict/report.js';
import { toJsonReport, type JsonReport } from './json.js';

/** Version of this document's shape; bumped on an incompatible change. */
export const GATE_REPORT_SCHEMA_VERSION = 1;

export interface GateJsonReport {
  readonly gateSchemaVersion: typeof GATE_REPORT_SCHEMA_VERSION;
  readonly series: string;
  readonly verdict: GateVerdict;
  /** The event and commit this run is about. */
  readonly event: string;
  readonly sha: string;
  readonly baseline: (BaselineInfo & { readonly createdAt: string | null }) | null;
  /** Who accepted a failing verdict with the accept label (login null when unknown). */
  readonly accepted: Acceptance | null;
  readonly update: BaselineUpdate | null;
  /** Set when there was no baseline: what was searched and how to seed one. */
  readonly message: string | null;
  readonly report: JsonReport | null;
}

export interface GateJsonInput {
  readonly series: string;
  readonly verdict: GateVerdict;
  readonly event: string;
  readonly sha: string;
  readonly baseline: BaselineInfo | null;
  readonly baselineCreatedAt: string | null;
  readonly accepted: Acceptance | null;
  readonly update: BaselineUpdate | null;
  readonly message: string | null;
  readonly report: Report | null;
}

/** The document as two-space indented JSON ending with a newline. */
export function renderGateJson(input: GateJsonInput): string {
  const doc: GateJsonReport = {
    gateSchemaVersion: GATE_REPORT_SCHEMA_VERSION,
    series: input.series,
    verdict: input.verdict,
    event: input.event,
    sha: input.sha,
    baseline: input.baseline === null ? null : { ...input.baseline, createdAt: input.baselineCreatedAt },
    accepted: input.accepted,
    update: input.update,
    message: input.message,
    report: input.report === null ? null : toJsonReport(input.report),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
