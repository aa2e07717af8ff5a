import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  context,
  getOctokit
} from "./chunk-KHVSZOJK.js";
import "./chunk-URI3G6QH.js";
import "./chunk-6OLLLDAW.js";
export {
  context,
  getOctokit
};
