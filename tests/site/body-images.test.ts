import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/lib/site-project.ts';
import { checkSvg } from '../../src/lib/articles/svg-check.ts';

const ARTICLE_DIR = '2026/05/31/rates-and-yields-test-markers';

describe('images in an article body', () => {
  it('are copied beside the article page, byte for byte, so the relative src works', () => {
    const siteDir = inject('siteDir');
    const html = readFileSync(join(siteDir, ARTICLE_DIR, 'index.html'), 'utf8');
    expect(html).toContain('src="./yields-chart.svg"');

    const copied = join(siteDir, ARTICLE_DIR, 'yields-chart.svg');
    expect(existsSync(copied)).toBe(true);
    expect(readFileSync(copied)).toEqual(
      readFileSync(join(PROJECT_ROOT, 'tests/fixtures/site/content/feeds/yields-chart.svg')),
    );
  });

  it('and every other SVG the site serves can run no script', () => {
    const siteDir = inject('siteDir');
    const svgs = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((path) =>
      path.toLowerCase().endsWith('.svg'),
    );
    expect(svgs).toContain(join(ARTICLE_DIR, 'yields-chart.svg'));
    for (const path of svgs) {
      const text = readFileSync(join(siteDir, path), 'utf8');
      expect(text, path).not.toMatch(/<script|\bon[a-z]+\s*=|javascript:/i);
      expect(checkSvg(text), path).toBeUndefined();
    }
  });
});
