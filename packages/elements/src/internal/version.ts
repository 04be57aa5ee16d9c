declare const __LINLI_ELEMENTS_VERSION__: string | undefined;

/**
 * The version of @linli/elements this copy was built from (replaced at build time; `dev` when
 * the sources run directly, as in tests and Storybook). Registration compares it when a tag is
 * already defined, to warn about two different copies on one page.
 */
export const VERSION: string =
  typeof __LINLI_ELEMENTS_VERSION__ === "string" ? __LINLI_ELEMENTS_VERSION__ : "dev";
