// Bytes to text (declared charset, else UTF-8, else Windows-1252) and source dates to ISO 8601.
import { decodeText, isoDate } from "../../src/ingest/index.js";

const latin1 = (s: string) => Buffer.from(s, "latin1");

test.each<[string, Uint8Array, string | undefined, string]>([
  ["UTF-8 without a declaration", Buffer.from("café “quoted”", "utf8"), undefined, "café “quoted”"],
  ["Latin-1 bytes without a declaration (0xE9)", latin1("caf\xe9"), undefined, "café"],
  ["Windows-1252 curly quotes (0x93, 0x94)", Buffer.from([0x93, 0x68, 0x69, 0x94]), undefined, "“hi”"],
  ["a charset from the HTTP header", latin1("caf\xe9"), "iso-8859-1", "café"],
  ["a <meta charset> in the document", latin1('<meta charset="windows-1252"><p>caf\xe9</p>'), undefined, '<meta charset="windows-1252"><p>caf\xe9</p>'.replace("\xe9", "é")],
  ["an XML encoding declaration", latin1('<?xml version="1.0" encoding="ISO-8859-1"?><a>\xe9</a>'), undefined, '<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>'],
  ["an unknown label is ignored", Buffer.from("café", "utf8"), "x-no-such-charset", "café"],
])("%s", (_name, bytes, charset, want) => {
  expect(decodeText(bytes, charset)).toBe(want);
  expect(decodeText(bytes, charset)).not.toContain("\uFFFD");
});

test.each<[string, string | undefined]>([
  ["Thu, 03 Dec 2026 10:00:00 GMT", "2026-12-03T10:00:00Z"],
  ["Thu, 03 Dec 2026 10:00:00 +0100", "2026-12-03T09:00:00Z"],
  ["2026-12-03", "2026-12-03"],
  ["2026-12-03T10:00:00+01:00", "2026-12-03T10:00:00+01:00"],
  ["December 3, 2026", "2026-12-03T00:00:00Z"],
  ["sometime soon", undefined],
  ["", undefined],
])("isoDate(%j) = %j", (raw, want) => {
  expect(isoDate(raw)).toBe(want);
});
