/**
 * The publish renderer: the same pages compiled as an on-demand server
 * bundle, so that a publish can render the pages a change touches without
 * a whole build.
 */
import type { AstroIntegration } from 'astro';

export function publishRenderer(): AstroIntegration {
  return {
    name: 'newsroom:publish-renderer',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'newsroom:publish-renderer',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('../renderer/entry.ts', import.meta.url),
          supportedAstroFeatures: {
            serverOutput: 'stable',
            staticOutput: 'stable',
            hybridOutput: 'stable',
            sharpImageService: 'stable',
          },
        });
      },
      'astro:route:setup': ({ route }) => {
        route.prerender = false;
      },
    },
  };
}
