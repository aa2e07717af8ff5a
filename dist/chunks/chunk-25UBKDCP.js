import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);

// src/cli/store-options.ts
var STORE_OPTIONS = {
  store: {
    type: "string",
    value: "URL",
    description: "baseline store: gs://bucket/prefix, a directory or a file:// URL"
  },
  series: { type: "string", value: "NAME", description: "baseline series, e.g. api-server" }
};

export {
  STORE_OPTIONS
};
