import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  DEFAULT_TOP,
  diffCommand
} from "./chunk-VT4XWTAS.js";
import "./chunk-DKNZ24FJ.js";
import "./chunk-X72NLQDY.js";
import "./chunk-KIA5R4DO.js";
export {
  DEFAULT_TOP,
  diffCommand
};
