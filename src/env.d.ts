/**
 * What pages find in `Astro.locals`: in a publish, the props that the page's
 * `getStaticPaths` gave its path (see `src/data/page-props.ts`).
 */
declare namespace App {
  interface Locals {
    staticProps?: Record<string, unknown>;
  }
}
