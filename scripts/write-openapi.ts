// Writes the generated v1 OpenAPI document to a file (default: a temp file) and prints its path,
// so `npm run lint:openapi` lints exactly what GET /api/v1/openapi.json serves.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openApiDocument } from "../server/api/v1/openapi";

const out = process.argv[2] ?? path.join(os.tmpdir(), "minute-desk-openapi.json");
fs.writeFileSync(out, `${JSON.stringify(openApiDocument, null, 2)}\n`);
console.log(out);
