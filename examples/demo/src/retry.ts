// SPDX-FileCopyrightText: 2026 Example Corp <ospo@example.com>
// SPDX-License-Identifier: Apache-2.0

export function parseRetryAfter(header: string): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) ? seconds * 1000 : 0;
}
