import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  StoreError
} from "./chunk-YRTTGXMW.js";

// src/adapters/stored-json.ts
function parseStored(parse, bytes, where) {
  try {
    return parse(bytes.toString("utf8"));
  } catch (err) {
    throw new StoreError(`reading ${where}: ${err.message}`);
  }
}

export {
  parseStored
};
