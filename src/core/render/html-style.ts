/** The HTML report's style sheet, inlined into the page. */
export const HTML_STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0 auto;
  padding: 16px 24px 48px; max-width: 1600px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h1.fail { color: #b2182b; } h1.warn { color: #8a5a00; } h1.pass { color: #1a7f37; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.labels, .note { color: var(--muted); margin: 4px 0; }
.warning { background: #fff8c5; border: 1px solid #d4a72c; padding: 4px 8px; margin: 4px 0; }
code, .name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px;
  white-space: pre-wrap; word-break: break-all; }
table { border-collapse: collapse; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.metrics tr.fail td.status { color: #b2182b; font-weight: 600; }
.metrics tr.warn td.status { color: #8a5a00; font-weight: 600; }
.tabs { display: flex; gap: 4px; margin: 16px 0 8px; flex-wrap: wrap; }
button { font: inherit; padding: 3px 10px; border: 1px solid var(--line); background: #f6f8fa; border-radius: 6px;
  cursor: pointer; }
button[aria-selected="true"], button[aria-pressed="true"] { background: #1f2328; color: #fff; border-color: #1f2328; }
.controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
.controls .search { padding: 3px 8px; min-width: 260px; font: inherit; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; color: var(--muted); font-size: 12px;
  margin: 4px 0 8px; }
.legend-item { display: inline-flex; align-items: center; gap: 4px; }
.swatch { display: inline-block; width: 16px; height: 12px; border: 1px solid #999; }
.swatch.marked { border: 2px dashed #111; }
.flame { width: 100%; overflow-x: hidden; }
.flame svg { display: block; font: 11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.frame { cursor: pointer; }
.frame text { pointer-events: none; white-space: pre; }
.frame:hover rect { stroke: #000; stroke-width: 1; }
.frame.fn-new rect, .frame.fn-vanished rect { stroke: #111; stroke-width: 1.5; stroke-dasharray: 3 2; }
.frame.dim { opacity: 0.3; }
.frame.match rect { stroke: #ff00cc; stroke-width: 2.5; }
.tooltip { position: absolute; background: #fff; border: 1px solid #888; box-shadow: 0 2px 8px rgba(0,0,0,.2);
  padding: 6px 8px; font-size: 12px; pointer-events: none; max-width: 640px; z-index: 10; }
.tooltip .tip-name { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-all;
  margin-bottom: 4px; }
.tooltip td { text-align: right; font-variant-numeric: tabular-nums; }
.heat th { cursor: pointer; user-select: none; position: sticky; top: 0; background: #fff; }
.badge { font: 11px system-ui, sans-serif; margin-left: 6px; padding: 0 4px; border: 1px dashed #111;
  border-radius: 3px; }
`;
