import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  GITHUB_ACTIONS_BOT,
  apiCall,
  createGitHubPorts
} from "./chunk-SW4IYLME.js";
import "./chunk-QINKA3AK.js";
import "./chunk-BNBYRV3Y.js";
import "./chunk-M332AGLH.js";
import "./chunk-KIA5R4DO.js";
export {
  GITHUB_ACTIONS_BOT,
  apiCall,
  createGitHubPorts
};
