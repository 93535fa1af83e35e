// Files marked as machine output: "@generated" or Go's "Code generated … DO NOT EDIT." near the top.
// Not AI markers (docs/design/markers.md, "Legacy and nonstandard markers"): they say that nobody should edit the file.

/** Only this much of the start of a file is looked at, as for the header. */
export const generatedWindow = 4096;

const generatedMarker = /@generated\b|Code generated .* DO NOT EDIT\./;

export function isGeneratedText(text: string): boolean {
  const head = text.length > generatedWindow ? text.slice(0, generatedWindow) : text;
  // Two literal searches rule out almost every file for a fraction of the regex's cost; the regex decides.
  if (head.indexOf('@generated') < 0 && head.indexOf('Code generated ') < 0) return false;
  return generatedMarker.test(head);
}
