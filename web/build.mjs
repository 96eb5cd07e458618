// Builds the widgets' front ends into web/dist (run: node web/build.mjs).
//   src/widgets/<id>/index.js -> dist/<id>.js     ES module (anywidget _esm)
//   src/kit/host.js           -> dist/host.js     classic script (IIFE) for the book
//   src/kit/widgets.css       -> dist/widgets.css (anywidget _css)
// Minified, es2020, no source maps; the same input gives the same bytes.
import { build, formatMessages } from "esbuild";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "src");
const dist = join(here, "dist");

const common = {
  bundle: true,
  minify: true,
  target: "es2020",
  sourcemap: false,
  legalComments: "none",
  charset: "utf8",
  // Messages are printed once by report(): a file that several bundles import would
  // otherwise have each of its errors printed once per bundle.
  logLevel: "silent",
  absWorkingDir: here,
};

async function main() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const widgetsDir = join(src, "widgets");
  const ids = readdirSync(widgetsDir)
    .filter((d) => statSync(join(widgetsDir, d)).isDirectory() && existsSync(join(widgetsDir, d, "index.js")))
    .sort();
  if (!ids.length) throw new Error("no widgets found under src/widgets/<id>/index.js");
  const jobs = ids.map((id) => build({
    ...common,
    entryPoints: [join(widgetsDir, id, "index.js")],
    outfile: join(dist, `${id}.js`),
    format: "esm",
    platform: "browser",
  }));
  jobs.push(build({
    ...common,
    entryPoints: [join(src, "kit", "host.js")],
    outfile: join(dist, "host.js"),
    format: "iife",
    platform: "browser",
  }));
  jobs.push(build({
    ...common,
    entryPoints: [join(src, "kit", "widgets.css")],
    outfile: join(dist, "widgets.css"),
    loader: { ".css": "css" },
  }));
  const results = await Promise.allSettled(jobs);
  const failures = results.filter((r) => r.status === "rejected").map((r) => r.reason);
  await report("warning", results.flatMap((r) => (r.status === "fulfilled" ? r.value : r.reason).warnings || []));
  if (failures.length) {
    const messages = failures.flatMap((f) => f.errors || []);
    if (!messages.length) throw failures[0];
    await report("error", messages);
    process.exit(1);
  }
  for (const f of readdirSync(dist).sort()) {
    const size = statSync(join(dist, f)).size;
    console.log(`${relative(process.cwd(), join(dist, f))}  ${(size / 1024).toFixed(1)} KB`);
  }
}

// esbuild's messages, each once (the same error reached through several bundles is one).
async function report(kind, messages) {
  const seen = new Set();
  const unique = messages.filter((m) => {
    const key = JSON.stringify([m.text, m.location && [m.location.file, m.location.line, m.location.column]]);
    return seen.has(key) ? false : seen.add(key);
  });
  if (!unique.length) return;
  const text = await formatMessages(unique, { kind, color: false });
  process.stderr.write(text.join(""));
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
