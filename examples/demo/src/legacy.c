// SPDX-FileCopyrightText: 2019 Example Corp
// SPDX-License-Identifier: GPL-2.0+

int legacy(void) { return 0; }
