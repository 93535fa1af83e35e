// The server's side of "OSPO: Create policy file" (CreatePolicyCommand): the same starter and the
// same refusal to overwrite as `ospo init`, answered with a URI for the client to open.

import { URI } from 'vscode-uri';
import { writeStarterPolicy } from '../io/starter-policy';
import type { CreatePolicyResult } from '../../../shared/protocol';

/**
 * Writes the starter policy `template` to `<folderFsPath>/.ospo/policy.yaml`.
 * When the file already exists, the answer carries both `error` and `file`, so the client can offer to open it.
 */
export async function createPolicy(folderFsPath: string, template: string): Promise<CreatePolicyResult> {
  const result = await writeStarterPolicy(folderFsPath, template);
  const answer: CreatePolicyResult = {};
  if (result.file !== undefined) answer.file = URI.file(result.file).toString();
  if (result.error !== undefined) answer.error = result.error;
  return answer;
}
