import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  checkCommand,
  findBaseline,
  noBaselineMessage,
  required
} from "./chunk-PTM35NBV.js";
import "./chunk-VT4XWTAS.js";
import "./chunk-ZKWFFASW.js";
import "./chunk-CYCY775J.js";
import "./chunk-DKNZ24FJ.js";
import "./chunk-X72NLQDY.js";
import "./chunk-KIA5R4DO.js";
export {
  checkCommand,
  findBaseline,
  noBaselineMessage,
  required
};
