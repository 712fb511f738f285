/**
 * The one-way layer rule of docs/ARCHITECTURE.md:
 *   core <- app <- { store, documents, mail, archive, imports } <- peppol <- { server, cli, web }
 * (peppol is the network side of Peppol: discovery and AS4 over HTTP; it builds on the documents adapter.)
 * A leak (core importing app, an adapter importing an entry point, the web importing server code) fails `npm run lint`.
 */
const layer = (name, mayImport) => ({
  name: `${name}-imports-only-${mayImport.join("-") || "nothing"}`,
  severity: "error",
  from: { path: `^src/${name}/` },
  to: {
    path: "^src/",
    pathNot: [`^src/${name}/`, ...mayImport.map((l) => `^src/${l}/`)],
  },
});

module.exports = {
  forbidden: [
    layer("core", []),
    layer("app", ["core"]),
    layer("store", ["core", "app"]),
    layer("documents", ["core", "app"]),
    layer("mail", ["core", "app"]),
    layer("archive", ["core", "app"]),
    layer("imports", ["core", "app"]),
    layer("peppol", ["core", "app", "documents"]),
    layer("server", ["core", "app", "store", "documents", "mail", "archive", "imports", "peppol"]),
    layer("cli", ["core", "app", "store", "documents", "mail", "archive", "imports", "peppol", "server"]),
    layer("web", ["core"]),
    {
      name: "core-is-pure",
      comment: "The domain core does no I/O: no node built-ins but crypto helpers passed in, no database, no network.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { dependencyTypes: ["core"], pathNot: ["^node:crypto$", "^crypto$"] },
    },
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.test\\.ts$" },
  },
};
