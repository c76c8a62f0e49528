// The release app's WebAssembly, made smaller than wasm-opt alone makes it.
//
// Every type-erased view of Leptos (`AnyView`, one kind per component and
// per `into_any`, about 340 here) stores a pointer to its asynchronous
// hydration function, so neither the linker nor wasm-opt can tell that this
// app never calls one: src/main.rs hydrates with `hydrate_body`, which walks
// the page synchronously, and the app has no lazy routes or islands, the
// only callers of that path. Those entry points (each erased view's
// `hydrate_async` and the future it returns, about 680 functions) are
// replaced here by a trap before `wasm-opt -Oz` runs, and wasm-opt then
// drops the code only they reached.
//
// Only the entry points, by their full name: the compiler merges functions
// with identical code and keeps one name, so other functions named after
// the asynchronous path (closures, drop glue) can be shared with the
// synchronous one, and replacing those broke every page. As a check, the
// build stops if anything outside the entry points calls one of them.
// Every page kind's hydration is also tested in the browser (tests/e2e/).
//
// Run by scripts/postbuild.mjs on a release build; Trunk's own wasm-opt is
// off (index.html), as the names this needs are gone after it.

import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import binaryen from 'binaryen';

const ENTRY = '<T as tachys::view::any_view::IntoAny>::into_any::hydrate_async';
const wasmOpt = new URL('../node_modules/.bin/wasm-opt', import.meta.url).pathname;

/** Optimises the wasm at `path` in place; returns what it did, for the build log. */
export function optimiseWasm(path) {
  const before = statSync(path).size;
  const module = binaryen.readBinary(readFileSync(path));
  const unused = [];
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (info.body && info.name.startsWith(ENTRY)) unused.push(info);
  }
  if (unused.length === 0) {
    throw new Error(`no function named ${ENTRY}* in ${path}: has Leptos changed, or has the wasm lost its names? Update scripts/optimise-wasm.mjs`);
  }
  const names = new Set(unused.map((f) => f.name));
  for (const [caller, callee] of directCalls(path)) {
    if (names.has(callee) && !names.has(caller)) {
      throw new Error(`${caller} calls ${callee}, which this step would replace by a trap: update scripts/optimise-wasm.mjs`);
    }
  }
  for (const f of unused) {
    module.removeFunction(f.name);
    module.addFunction(f.name, f.params, f.results, [], module.unreachable());
  }
  writeFileSync(path, module.emitBinary());
  module.dispose();
  execFileSync(wasmOpt, ['-Oz', path, '-o', path], { stdio: 'inherit' });
  return { replaced: unused.length, before, after: statSync(path).size };
}

/** Every direct call in the module, [caller, callee], from wasm-opt's call graph. */
function directCalls(path) {
  const graph = execFileSync(wasmOpt, [path, '--print-call-graph', '-o', '/dev/null'], { maxBuffer: 1 << 30 }).toString();
  const calls = [...graph.matchAll(/^ {2}"(.*)" -> "(.*)"; \/\/ call$/gm)].map((m) => [m[1], m[2]]);
  if (calls.length === 0) throw new Error("wasm-opt's call graph lists no calls: has its format changed? Update scripts/optimise-wasm.mjs");
  return calls;
}
