import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  GITHUB_ACTIONS_BOT,
  apiCall,
  createGitHubPorts
} from "./chunk-IJOEIBLO.js";
import "./chunk-FYW7DAO2.js";
import "./chunk-KHVSZOJK.js";
import "./chunk-URI3G6QH.js";
import "./chunk-6OLLLDAW.js";
export {
  GITHUB_ACTIONS_BOT,
  apiCall,
  createGitHubPorts
};
