// A static server for dist/ on 127.0.0.1 only, with the right MIME types (including
// application/wasm). "/" is the English self-contained page, the same file a browser can save;
// the French, Spanish and Arabic pages are served by their names.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css; charset=utf-8",
};

const port = Number(process.argv[2] || 8000);
createServer(async (req, res) => {
  const path = new URL(req.url, "http://127.0.0.1").pathname;
  const file = normalize(join(dist, path === "/" ? "assurance-check.html" : path));
  if (!file.startsWith(dist)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      "Content-Type": types[extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    });
    res.end(body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
  }
}).listen(port, "127.0.0.1", () => {
  for (const page of ["", "assurance-check.fr.html", "assurance-check.es.html", "assurance-check.ar.html"]) {
    console.log(`serve: http://127.0.0.1:${port}/${page}`);
  }
});
