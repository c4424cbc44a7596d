// JSON text of a request body to a value, for the v1 parser and the compute-pool tasks that parse
// their own bodies: bad JSON is a 400, and so is a "__proto__" key anywhere (JSON.parse keeps it as
// an own key, which zod records would otherwise drop silently). No server imports: workers use it.
import { AppError } from "../errors";

const PROTO_KEY = Symbol("__proto__ key");

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (key === "__proto__") throw PROTO_KEY;
      return value;
    });
  } catch (err) {
    if (err === PROTO_KEY) throw new AppError("BAD_REQUEST", 'The body may not contain the key "__proto__".');
    throw new AppError("BAD_REQUEST", "The request body must be valid JSON.");
  }
}
