import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);

// src/core/error-text.ts
function firstLine(e) {
  return (e instanceof Error ? e.message : String(e)).split("\n", 1)[0] ?? "";
}
function oneLine(message) {
  return message.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
}

export {
  firstLine,
  oneLine
};
