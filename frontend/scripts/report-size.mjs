#!/usr/bin/env node
// Print what a phone downloads: the initial JavaScript of the citizen portal (the entry chunk and every
// chunk it imports statically), then each lazily loaded chunk, gzipped. Fails above the budget.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 200;
const dist = new URL("../dist/", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(dist, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizes.get(file);
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}
const initial = closure(entryKey);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (text, width) => text.padEnd(width);
const total = (files) =>
  [...files].reduce((sum, file) => ({ raw: sum.raw + size(file).raw, gzip: sum.gzip + size(file).gzip }), { raw: 0, gzip: 0 });

console.log("\nInitial JavaScript (citizen portal, first visit):");
for (const file of initial) console.log(`  ${pad(file, 44)} ${pad(kb(size(file).raw), 10)} gzip ${kb(size(file).gzip)}`);
const initialTotal = total(initial);
console.log(`  ${pad("total", 44)} ${pad(kb(initialTotal.raw), 10)} gzip ${kb(initialTotal.gzip)}  (budget ${BUDGET_KB} KB gzip)`);

const css = manifest[entryKey].css ?? [];
for (const file of css) console.log(`  ${pad(file, 44)} ${pad(kb(size(file).raw), 10)} gzip ${kb(size(file).gzip)}  (CSS)`);

console.log("\nLoaded on demand (per page):");
const lazy = Object.values(manifest).filter((chunk) => chunk.file.endsWith(".js") && !initial.has(chunk.file));
for (const chunk of lazy.sort((a, b) => a.file.localeCompare(b.file))) {
  const name = chunk.src ?? chunk.name ?? "";
  console.log(`  ${pad(chunk.file, 44)} ${pad(kb(size(chunk.file).raw), 10)} gzip ${pad(kb(size(chunk.file).gzip), 10)} ${name}`);
}
const all = total(lazy.map((chunk) => chunk.file));
console.log(`  ${pad("total", 44)} ${pad(kb(all.raw), 10)} gzip ${kb(all.gzip)}`);

console.log("\nFirst visit straight to a page (a shared link), all JavaScript it needs:");
for (const key of Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry).sort()) {
  const files = closure(key, new Set(initial));
  console.log(`  ${pad(key, 44)} gzip ${kb(total(files).gzip)}`);
}
console.log("");

if (initialTotal.gzip > BUDGET_KB * 1024) {
  console.error(`Initial JavaScript is ${kb(initialTotal.gzip)} gzipped, over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
