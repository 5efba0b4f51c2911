// Bytes -> text. A declared charset wins (HTTP header, <meta charset>, <?xml encoding?>); without one,
// UTF-8 if the bytes are valid UTF-8, else Windows-1252, so "caf\xE9" reads "café", not "caf\uFFFD".
// iconv-lite does the decoding: Node 20's TextDecoder("windows-1252") reads 0x80-0x9F as C1 controls.
import iconv from "iconv-lite";

const DECLARED = [/<meta[^>]+charset=["']?\s*([\w-]+)/i, /<\?xml[^>]*encoding=["']([\w-]+)["']/i];
// WHATWG Encoding: these labels mean Windows-1252 on the web (its 0x80-0x9F are curly quotes, dashes, €).
const WINDOWS_1252 = /^(iso-?8859-1|latin-?1|l1|us-ascii|ascii|cp1252|iso_8859-1|cp819|ibm819)$/i;

/** The charset the document itself declares in its first bytes, if any. */
function declaredIn(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1");
  for (const re of DECLARED) {
    const m = re.exec(head);
    if (m) return m[1];
  }
  return undefined;
}

/** A label iconv-lite knows, Latin-1 read as Windows-1252; undefined for none or an unknown one. */
function known(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = WINDOWS_1252.test(label) ? "windows-1252" : label.toLowerCase();
  return iconv.encodingExists(l) ? l : undefined;
}

export function decodeText(bytes: Uint8Array, charset?: string): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A byte-order mark says it all.
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return iconv.decode(buf, "utf-8");
  const declared = known(charset) ?? known(declaredIn(buf));
  if (declared) return iconv.decode(buf, declared);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, "windows-1252");
  }
}
