// `ospo init [folder] [--template NAME]`: writes a commented starter policy to
// <folder>/.ospo/policy.yaml, never over an existing file (io/starter-policy.ts).

import { defaultTemplate, writeStarterPolicy } from '../io/starter-policy';

export interface Output {
  write(text: string): unknown;
}

/** `ospo init`: exit 0 when the file was written, 2 (message on stderr) when it was not. */
export async function runInit(folder: string, template: string | undefined, out: { stdout: Output; stderr: Output }): Promise<number> {
  const name = template ?? defaultTemplate;
  const result = await writeStarterPolicy(folder, name);
  if (result.error !== undefined) {
    out.stderr.write(`ospo: ${result.error}\n`);
    return 2;
  }
  out.stdout.write(`created ${result.file} (${name} starter policy)\n`);
  return 0;
}
