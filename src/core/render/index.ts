import type { Report } from '../verdict/report.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

/** The report formats the CLI offers. */
export const FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** Text only: ANSI colours. */
  readonly color: boolean;
}

/** Renders the report in `format`; markdown uses GitHub's comment budget. */
export function render(report: Report, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color });
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
    case 'html':
      return renderHtml(report);
  }
}
