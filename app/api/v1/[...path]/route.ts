// Any /api/v1 path no route serves: the JSON error envelope (404), never Next's HTML page.
import { errorResponse } from "@/server/api/v1/http";

export const dynamic = "force-dynamic";

function notFound(req: Request): Response {
  const path = new URL(req.url).pathname.slice(0, 200);
  return errorResponse(
    404,
    "NOT_FOUND",
    `No such endpoint: ${req.method} ${path}. GET /api/v1/openapi.json lists the endpoints.`,
  );
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
