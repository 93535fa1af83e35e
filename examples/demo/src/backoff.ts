// SPDX-FileCopyrightText: 2026 Example Corp
// SPDX-License-Identifier: Apache-2.0

// SPDX-SnippetBegin
// SPDX-SnippetCopyrightText: 2026 Example Corp
// SPDX-License-Identifier: Apache-2.0
// AI-Assisted-By: GitHub Copilot
// AI-Reviewed-By: Alice Example <alice@example.com>
// AI-Reviewed-On: 2026-03-14
// Here's the updated code with jitter:
export function backoff(attempt: number): number {
  return Math.min(30000, 2 ** attempt * 100) * (0.5 + Math.random() / 2);
}
// SPDX-SnippetEnd
