/** The options naming a baseline store and series, first in every command that uses the store (baseline, check). */
import type { OptionTable } from './args.js';

export const STORE_OPTIONS: OptionTable = {
  store: {
    type: 'string',
    value: 'URL',
    description: 'baseline store: gs://bucket/prefix, a directory or a file:// URL',
  },
  series: { type: 'string', value: 'NAME', description: 'baseline series, e.g. api-server' },
};
