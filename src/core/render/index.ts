import type { Report } from '../verdict/report.js';
import { renderHtml } from './html.js';
import { renderJsonChunks } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTextChunks } from './text.js';

/** The report formats the CLI offers. */
export const FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** Text only: ANSI colours. */
  readonly color: boolean;
}

/**
 * Renders the report in `format`, as chunks to write in order: text and JSON are made as they are
 * written (a report of a million functions is never one string); markdown (GitHub's comment
 * budget) and HTML (one page) come as one chunk.
 */
export function render(report: Report, format: Format, options: RenderOptions): Iterable<string> {
  switch (format) {
    case 'text':
      return renderTextChunks(report, { color: options.color });
    case 'markdown':
      return [renderMarkdown(report)];
    case 'json':
      return renderJsonChunks(report);
    case 'html':
      return [renderHtml(report)];
  }
}
