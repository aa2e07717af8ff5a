import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);

// src/ports.ts
var GitHubApiError = class extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
    this.name = "GitHubApiError";
  }
  status;
};

export {
  GitHubApiError
};
