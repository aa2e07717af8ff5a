import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  DEFAULT_TOP,
  diffCommand
} from "./chunk-UPODTTPT.js";
import "./chunk-CP6IPJ5K.js";
import "./chunk-X72NLQDY.js";
import "./chunk-KIA5R4DO.js";
export {
  DEFAULT_TOP,
  diffCommand
};
