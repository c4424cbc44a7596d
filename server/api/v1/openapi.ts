// The integration API's contract (DESIGN 10), served at GET /api/v1/openapi.json: generated from
// the operation declarations in ./operations, whose zod schemas the routes validate with.
import { buildOpenApiDocument } from "./contract/openapi-document";
import { v1Operations, v1Tags } from "./operations";

export const openApiDocument = buildOpenApiDocument(v1Operations, {
  title: "Minute Desk integration API",
  version: "1.0.0",
  description:
    "A small, stable JSON API for integrations. Authenticate with the browser session cookie or `Authorization: Bearer <token>`. Each user creates their own tokens (My sessions and tokens); a token carries scopes, `read` by default (GET routes and the side-effect-free calculators) and `write` for routes that change data, and can never approve money or parameters, freeze, hold or execute liquidations or act on access (403). Every refused call is audited, and every audit event written during a token call names the token. Bad input is a 400 with {error:{code,message,issues?}} and changes nothing. Numbers are JSON numbers; timestamps are ISO-8601 UTC. Answers may carry fields beyond the ones listed. Unknown /api/v1 paths answer 404 with the same envelope.",
  tags: v1Tags,
});
