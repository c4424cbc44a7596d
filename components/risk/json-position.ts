// Where a JSON text stops being valid, as a 1-based line and column: a small validating scanner,
// because the engine's JSON.parse message does not always say where (V8 often omits the position).
export function jsonErrorAt(src: string): { line: number; column: number } | null {
  let i = 0;
  const ws = () => {
    while (i < src.length && " \t\n\r".includes(src[i] ?? "")) i++;
  };
  const fail = (): never => {
    throw new RangeError(String(i));
  };
  const lit = (word: string) => {
    if (src.startsWith(word, i)) i += word.length;
    else fail();
  };
  const str = () => {
    i++; // opening quote
    while (i < src.length) {
      const c = src[i];
      if (c === '"') return void i++;
      if (c === "\\") {
        const e = src[i + 1] ?? "";
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) i += 6;
        else if ('"\\/bfnrt'.includes(e) && e !== "") i += 2;
        else return fail();
      } else if (c !== undefined && c < " ") return fail();
      else i++;
    }
    fail();
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (!m) fail();
    else i += m[0].length;
  };
  const value = (): void => {
    ws();
    const c = src[i];
    if (c === "{") {
      i++;
      ws();
      if (src[i] === "}") return void i++;
      for (;;) {
        ws();
        if (src[i] !== '"') fail();
        str();
        ws();
        if (src[i] !== ":") fail();
        i++;
        value();
        ws();
        if (src[i] === ",") i++;
        else if (src[i] === "}") return void i++;
        else fail();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (src[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (src[i] === ",") i++;
        else if (src[i] === "]") return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    if (c === "t") return lit("true");
    if (c === "f") return lit("false");
    if (c === "n") return lit("null");
    number();
  };
  try {
    value();
    ws();
    if (i < src.length) fail();
    return null;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const before = src.slice(0, i).split("\n");
    return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  }
}
