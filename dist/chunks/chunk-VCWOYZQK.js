import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);

// src/adapters/linear-regexp.ts
import { setFlagsFromString } from "node:v8";
function enableLinearRegExp() {
  setFlagsFromString("--enable-experimental-regexp-engine");
}

// src/adapters/process-warnings.ts
var REDUNDANT = /* @__PURE__ */ new Set(["MetadataLookupWarning"]);
function printWarningsAs(write) {
  process.removeAllListeners("warning");
  process.on("warning", (warning) => {
    if (REDUNDANT.has(warning.name)) return;
    write(`${warning.name}: ${warning.message.split("\n", 1)[0]}`);
  });
}

export {
  enableLinearRegExp,
  printWarningsAs
};
