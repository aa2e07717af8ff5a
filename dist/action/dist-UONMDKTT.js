import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  require_dist2 as require_dist
} from "./chunk-5OIXZGFR.js";
import "./chunk-6OLLLDAW.js";
export default require_dist();
