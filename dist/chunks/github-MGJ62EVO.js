import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  context,
  getOctokit
} from "./chunk-V7BOXRTP.js";
import "./chunk-M332AGLH.js";
import "./chunk-KIA5R4DO.js";
export {
  context,
  getOctokit
};
