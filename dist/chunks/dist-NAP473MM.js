import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  require_dist2 as require_dist
} from "./chunk-RHGH4DMO.js";
import "./chunk-KIA5R4DO.js";
export default require_dist();
