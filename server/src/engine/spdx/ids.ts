// The SPDX license and exception lists, loaded once: from the spdx-license-ids and spdx-exceptions
// packages, each with its deprecated.json. Every reader of an SPDX id (the expression check, REUSE's
// LICENSES/ folder, completion and hover) asks here.

import currentLicenses = require('spdx-license-ids');
import deprecatedLicenses = require('spdx-license-ids/deprecated.json');
import currentExceptions = require('spdx-exceptions');
import deprecatedExceptions = require('spdx-exceptions/deprecated.json');

/** Current license ids, in the list's order. */
export const currentLicenseIds: readonly string[] = currentLicenses;
/** Every license id SPDX lists, current and deprecated. */
export const knownLicenseIds: readonly string[] = [...currentLicenses, ...deprecatedLicenses];
/** Current exception ids. */
export const currentExceptionIds: readonly string[] = currentExceptions;
/** Every exception id SPDX lists, current and deprecated. */
export const knownExceptionIds: readonly string[] = [...currentExceptions, ...deprecatedExceptions.filter((id) => !currentExceptions.includes(id))];

const licenses = new Set(knownLicenseIds);
const exceptions = new Set(knownExceptionIds);
const deprecatedLicenseSet = new Set<string>(deprecatedLicenses);
const deprecatedExceptionSet = new Set<string>(deprecatedExceptions);
const licenseByLowerCase = new Map(knownLicenseIds.map((id) => [id.toLowerCase(), id]));
const exceptionByLowerCase = new Map(knownExceptionIds.map((id) => [id.toLowerCase(), id]));

/** On the license list, current or deprecated; exact case, no `+`. */
export const isLicenseId = (id: string): boolean => licenses.has(id);
/** On the exception list, current or deprecated; exact case. */
export const isExceptionId = (id: string): boolean => exceptions.has(id);

/** A deprecated license id as written, a trailing `+` ("or later") allowed. */
export function isDeprecated(written: string): boolean {
  return deprecatedLicenseSet.has(written.endsWith('+') ? written.slice(0, -1) : written);
}

export const isDeprecatedException = (id: string): boolean => deprecatedExceptionSet.has(id);

/** The listed spelling of a license id written in any case, or undefined. */
export const canonicalLicenseId = (id: string): string | undefined => licenseByLowerCase.get(id.toLowerCase());
/** The listed spelling of an exception id written in any case, or undefined. */
export const canonicalExceptionId = (id: string): string | undefined => exceptionByLowerCase.get(id.toLowerCase());

const licenseRef = /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;

/** A license of one's own (`LicenseRef-…`, optionally `DocumentRef-…:LicenseRef-…`), valid without being listed. */
export const isLicenseRef = (id: string): boolean => licenseRef.test(id);
