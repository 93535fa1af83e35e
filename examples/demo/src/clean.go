// SPDX-FileCopyrightText: 2026 Example Corp
// SPDX-License-Identifier: MIT OR Apache-2.0

package clean
