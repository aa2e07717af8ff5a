import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  checkCommand,
  findBaseline,
  noBaselineMessage,
  required
} from "./chunk-4AWYAOI2.js";
import "./chunk-SAVPBDI5.js";
import "./chunk-ZKWFFASW.js";
import "./chunk-CYCY775J.js";
import "./chunk-GGUYPGDO.js";
import "./chunk-X72NLQDY.js";
import "./chunk-KIA5R4DO.js";
export {
  checkCommand,
  findBaseline,
  noBaselineMessage,
  required
};
