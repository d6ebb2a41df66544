/**
 * The images drawn at build time: each of the size it is named for, the
 * same bytes every time (publishes are compared with clean builds byte for
 * byte), text as outlines of the shipped font, and the mark as the
 * favicon draws it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/lib/site-project.ts';
import {
  cardLayout,
  fitHeading,
  isDrawable,
  layoutToSvg,
  MARK,
  renderCard,
  renderIcon,
  renderLogo,
  SITE_COLOURS,
  svgLeadToPng,
  svgPreviewSize,
} from '../../src/lib/card-render.ts';
import { CARD_SHAPES } from '../../src/lib/link-cards.ts';
import { SITE_ICON, SITE_LOGO } from '../../src/lib/site-images.ts';

const section = (heading: string | undefined, shape: keyof typeof CARD_SHAPES = 'card') => ({
  ...CARD_SHAPES[shape],
  siteTitle: 'Newsroom Wire',
  heading,
  kind: 'section' as const,
});

/** A PNG's size and format, as sharp reads them. */
async function sizeOf(png: Uint8Array) {
  const { format, width, height } = await sharp(png).metadata();
  return { format, width, height };
}

/** The colour of one pixel, as `#rrggbb`. */
async function pixel(png: Uint8Array, x: number, y: number): Promise<string> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return `#${[...data.subarray(at, at + 3)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

describe('renderCard', () => {
  it.each(Object.keys(CARD_SHAPES) as (keyof typeof CARD_SHAPES)[])(
    'draws the %s shape at its size, as a PNG',
    async (shape) => {
      const png = await renderCard(section('World', shape));
      expect(await sizeOf(png)).toEqual({ format: 'png', ...CARD_SHAPES[shape] });
    },
  );

  it('gives the same bytes for the same card every time', async () => {
    const [first, second] = [
      await renderCard(section('Russian Politics & Diplomacy')),
      await renderCard(section('Russian Politics & Diplomacy')),
    ];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const other = await renderCard(section('World'));
    expect(Buffer.from(first).equals(Buffer.from(other))).toBe(false);
  });

  it("paints the site's background, with the accent colour at the foot", async () => {
    const png = await renderCard(section('World'));
    expect(await pixel(png, 10, 10)).toBe(SITE_COLOURS.background);
    expect(await pixel(png, 600, 625)).toBe(SITE_COLOURS.accent);
  });

  it('draws a card with no heading when the font cannot draw the name', async () => {
    const png = await renderCard(section(undefined));
    expect(await sizeOf(png)).toEqual({ format: 'png', width: 1200, height: 630 });
  });
});

describe('layoutToSvg', () => {
  it('writes text as outlines of the shipped font, so that no system font is used', async () => {
    const svg = await layoutToSvg(cardLayout(section('Science')), CARD_SHAPES.card);
    expect(svg).not.toMatch(/<text/);
    expect(svg).toMatch(/<path[^>]+d="M/);
  });
});

describe('fitHeading', () => {
  const box = { width: 1056, height: 320 };
  const sizes = [120, 96, 72, 56];

  it('takes the largest size for a short name', () => {
    expect(fitHeading('World', box, sizes)).toEqual({ fontSize: 120, lines: 2 });
  });

  it('takes smaller sizes as names grow, down to the smallest, whose lines are then cut', () => {
    const long = fitHeading('Business & Economy: markets, companies and trade', box, sizes);
    expect(long.fontSize).toBeLessThan(120);
    const longest = fitHeading('word '.repeat(60), box, sizes);
    expect(longest).toEqual({ fontSize: 56, lines: 5 });
  });
});

describe('isDrawable', () => {
  it('draws Latin, Cyrillic, Greek and Vietnamese', () => {
    expect(isDrawable('Russian Politics & Diplomacy')).toBe(true);
    expect(isDrawable('Łódź, Мир, Ελλάδα, Việt Nam')).toBe(true);
  });

  it('does not draw scripts and symbols the font lacks', () => {
    expect(isDrawable('東京')).toBe(false);
    expect(isDrawable('News 😀')).toBe(false);
    expect(isDrawable('القاهرة')).toBe(false);
  });
});

describe('renderIcon and renderLogo', () => {
  it("draw the icon and the logo at the sizes the site's images name", async () => {
    expect(await sizeOf(await renderIcon())).toEqual({ format: 'png', ...sizeOfImage(SITE_ICON) });
    expect(await sizeOf(await renderLogo('Newsroom Wire'))).toEqual({
      format: 'png',
      ...sizeOfImage(SITE_LOGO),
    });
  });

  it('draw the mark in the accent colour with a white N', async () => {
    const icon = await renderIcon();
    expect(await pixel(icon, 256, 40)).toBe(SITE_COLOURS.accent);
    // The N's left stem: x from 8 to 11.2 of 32 units.
    expect(await pixel(icon, 150, 256)).toBe(SITE_COLOURS.white);
  });

  it('fit a long title into the logo without wrapping it', async () => {
    const png = await renderLogo('The Northern Provinces Evening Telegraph and Wire Service');
    expect(await sizeOf(png)).toEqual({ format: 'png', width: 600, height: 60 });
  });
});

describe('svgLeadToPng', () => {
  const chart = (width: number, height: number) =>
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
        `<path d="M0 ${height} L${width} 0" stroke="#225" stroke-width="2"/></svg>`,
    );

  it('draws a small chart 1200 pixels wide from the vector, its height in proportion', async () => {
    const png = await svgLeadToPng(chart(120, 60), 1200);
    expect(await sizeOf(png)).toEqual({ format: 'png', width: 1200, height: 600 });
    expect(svgPreviewSize({ width: 120, height: 60 }, 1200)).toEqual({ width: 1200, height: 600 });
  });

  it('puts a transparent chart on white, and gives the same bytes every time', async () => {
    const png = await svgLeadToPng(chart(400, 300), 1200);
    expect(await pixel(png, 1100, 800)).toBe('#ffffff');
    expect(Buffer.from(png).equals(Buffer.from(await svgLeadToPng(chart(400, 300), 1200)))).toBe(
      true,
    );
  });
});

describe('MARK', () => {
  it('is the mark public/favicon.svg draws', async () => {
    const favicon = await readFile(join(PROJECT_ROOT, 'public/favicon.svg'), 'utf8');
    expect(favicon).toContain(`viewBox="0 0 ${MARK.viewBox} ${MARK.viewBox}"`);
    expect(favicon).toContain(`rx="${MARK.radius}" fill="${SITE_COLOURS.accent}"`);
    expect(favicon).toContain(`<path d="${MARK.letterPath}" fill="#fff"/>`);
  });
});

function sizeOfImage(image: { width: number; height: number }) {
  return { width: image.width, height: image.height };
}
