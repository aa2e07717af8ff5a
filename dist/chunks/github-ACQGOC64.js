import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  GITHUB_ACTIONS_BOT,
  apiCall,
  createGitHubPorts
} from "./chunk-IIT3FECL.js";
import "./chunk-Q2BLZJ73.js";
import "./chunk-KIA5R4DO.js";
export {
  GITHUB_ACTIONS_BOT,
  apiCall,
  createGitHubPorts
};
