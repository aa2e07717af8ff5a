#!/usr/bin/env node
import { createRequire as __heapgateCreateRequire } from 'node:module'; const require = __heapgateCreateRequire(import.meta.url);
import {
  oneLine
} from "./chunks/chunk-TQ4GEVIF.js";
import {
  ExitCode,
  HeapgateError,
  UsageError
} from "./chunks/chunk-5DEWQUHK.js";
import "./chunks/chunk-KIA5R4DO.js";

// src/adapters/linear-regexp.ts
import { setFlagsFromString } from "node:v8";
function enableLinearRegExp() {
  setFlagsFromString("--enable-experimental-regexp-engine");
}

// src/adapters/process-warnings.ts
var REDUNDANT = /* @__PURE__ */ new Set(["MetadataLookupWarning"]);
function printWarningsAs(write) {
  process.removeAllListeners("warning");
  process.on("warning", (warning) => {
    if (REDUNDANT.has(warning.name)) return;
    write(`${warning.name}: ${warning.message.split("\n", 1)[0]}`);
  });
}

// src/version.ts
var VERSION = true ? "0.1.0" : "dev";

// src/cli/main.ts
var COMMANDS = [
  {
    name: "diff",
    summary: "compare two profile files and report memory changes",
    load: async () => (await import("./chunks/diff-V4V4JIWE.js")).diffCommand
  },
  {
    name: "check",
    summary: "compare a profile against the branch's stored baseline",
    load: async () => (await import("./chunks/check-SOIUIAQE.js")).checkCommand
  },
  {
    name: "baseline",
    summary: "store, show and list baselines (put, show, history)",
    load: async () => (await import("./chunks/baseline-YPTNHM5D.js")).baselineCommand
  }
];
function usage(commands = COMMANDS) {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "heapgate: stop memory regressions before they merge.",
    "",
    "Usage: heapgate <command> [arguments]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  -h, --help     show this help (heapgate <command> --help: the command's)",
    "  -V, --version  print the version",
    "",
    "Exit codes: 0 pass, warn, inconclusive or no baseline, 1 fail (or inconclusive with --on-inconclusive fail),",
    "2 usage or input error, 3 baseline store error, 70 internal error.",
    ""
  ].join("\n");
}
async function main(argv, io, commands = COMMANDS) {
  enableLinearRegExp();
  try {
    const [first, ...rest] = argv;
    if (first === void 0 || first === "-h" || first === "--help" || first === "help") {
      if (first === "help" && rest[0] !== void 0) return await dispatch(rest[0], ["--help"], io, commands);
      (first === void 0 ? io.stderr : io.stdout)(usage(commands));
      return first === void 0 ? ExitCode.input : ExitCode.pass;
    }
    if (first === "-V" || first === "--version") {
      io.stdout(`heapgate ${VERSION}
`);
      return 0;
    }
    if (first.startsWith("-")) {
      throw new UsageError(`unknown option ${first}; valid options before a command: --help, --version`);
    }
    return await dispatch(first, rest, io, commands);
  } catch (e) {
    return report(e, io);
  }
}
async function dispatch(name, argv, io, commands) {
  const entry = commands.find((c) => c.name === name);
  if (entry === void 0) {
    throw new UsageError(
      `unknown command ${JSON.stringify(name)}; commands: ${commands.map((c) => c.name).join(", ")}`
    );
  }
  const command = await entry.load();
  return await command.run(argv, io);
}
function report(e, io) {
  if (e instanceof HeapgateError) {
    io.stderr(`heapgate: ${oneLine(e.message)}
`);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.stderr(`heapgate: internal error: ${oneLine(message)}
`);
  return ExitCode.internal;
}
function processIo() {
  let stdoutClosed = false;
  let stderrClosed = false;
  process.stdout.on("error", (e) => {
    if (stdoutClosed) return;
    stdoutClosed = true;
    if (e.code !== "EPIPE") {
      if (!stderrClosed) process.stderr.write(`heapgate: writing standard output: ${e.code ?? e.message}
`);
      process.exitCode = 2;
    }
  });
  process.stderr.on("error", () => {
    stderrClosed = true;
  });
  return {
    stdout: (text) => void (stdoutClosed || process.stdout.write(text)),
    drained: () => stdoutClosed || !process.stdout.writableNeedDrain ? Promise.resolve() : new Promise((done) => {
      const settle = () => {
        process.stdout.off("drain", settle).off("error", settle).off("close", settle);
        done();
      };
      process.stdout.on("drain", settle).on("error", settle).on("close", settle);
    }),
    stderr: (text) => void (stderrClosed || process.stderr.write(text)),
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd()
  };
}
async function run() {
  const io = processIo();
  printWarningsAs((line) => io.stderr(`heapgate: warning: ${line}
`));
  process.exitCode = await main(process.argv.slice(2), io);
}

// src/cli/index.ts
void run();
