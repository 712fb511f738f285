// Plain JavaScript: bin/heap-bounded-thread.js imports it before any TypeScript loader is registered.

/**
 * The source of a worker thread (`new Worker(source, { eval: true })`) that runs the TypeScript module `entry`: tsx's
 * loader does not reach worker threads on Node 20 (it is registered per thread), so the thread registers it first,
 * after `prelude` (CommonJS statements run before anything is loaded). tsx and `entry` are resolved here, so that the
 * thread finds them whatever the working directory.
 * @param {URL} entry
 * @param {string} [prelude]
 * @returns {string}
 */
export function tsxWorkerScript(entry, prelude = "") {
  const tsx = import.meta.resolve("tsx/esm/api");
  return `${prelude}
import(${JSON.stringify(tsx)}).then((tsx) => {
  tsx.register();
  return import(${JSON.stringify(entry.href)});
});
`;
}
