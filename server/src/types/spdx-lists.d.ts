// These packages ship JSON lists and no type declarations.
declare module 'spdx-license-ids' {
  const ids: string[];
  export = ids;
}
declare module 'spdx-license-ids/deprecated.json' {
  const ids: string[];
  export = ids;
}
declare module 'spdx-exceptions' {
  const ids: string[];
  export = ids;
}
declare module 'spdx-exceptions/deprecated.json' {
  const ids: string[];
  export = ids;
}
declare module 'spdx-satisfies' {
  function satisfies(expression: string, approved: string[]): boolean;
  export = satisfies;
}
