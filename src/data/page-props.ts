/**
 * A page's props. A build passes a page the props its `getStaticPaths`
 * gave its path; the publish renderer renders pages on demand, where Astro
 * does not call `getStaticPaths`, and passes the same props in `locals`
 * (see `src/renderer/entry.ts`).
 */
export function pageProps<P>(astro: { props: P; locals: App.Locals }): P {
  return (astro.locals.staticProps as P | undefined) ?? astro.props;
}
