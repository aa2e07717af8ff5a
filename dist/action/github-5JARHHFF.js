import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  GITHUB_ACTIONS_BOT,
  apiCall,
  createGitHubPorts
} from "./chunk-4GWEH3TO.js";
import "./chunk-IZMES3IM.js";
import "./chunk-KHVSZOJK.js";
import "./chunk-URI3G6QH.js";
import "./chunk-6OLLLDAW.js";
export {
  GITHUB_ACTIONS_BOT,
  apiCall,
  createGitHubPorts
};
