/**
 * Draws the site's images at build time: the link-preview cards, the
 * square icon and the publisher's wordmark logo, as PNG files.
 *
 * Text is laid out by satori, which writes each glyph as an SVG path from
 * the font files given to it, so the result does not depend on the fonts
 * of the machine that builds; sharp (libvips and librsvg, through which
 * Astro already processes images) turns the SVG into a PNG. The font is
 * Source Serif 4 from its npm package (`@fontsource/source-serif-4`), read
 * from `node_modules`: nothing is downloaded. The same input gives the same
 * bytes on every build, which publishes rely on (they are compared with
 * clean builds byte for byte).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import sharp from 'sharp';
import { SITE_ICON, SITE_LOGO } from './site-images.ts';

/** The site's colours, as `src/styles/global.css` sets them for the light scheme. */
export const SITE_COLOURS = {
  accent: '#a11d21',
  background: '#fbfaf7',
  text: '#1b1b1b',
  muted: '#54524d',
  white: '#ffffff',
} as const;

/**
 * The site's mark, as `public/favicon.svg` draws it on a 32-unit square: a
 * red square with rounded corners and a white N.
 */
export const MARK = {
  viewBox: 32,
  radius: 4,
  letterPath: 'M8 24V8h3.2l7.6 10.6V8H22v16h-3.2l-7.6-10.6V24z',
} as const;

/** The mark as an SVG document of `size` pixels. */
export function markSvg(size: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${MARK.viewBox} ${MARK.viewBox}">` +
    `<rect width="${MARK.viewBox}" height="${MARK.viewBox}" rx="${MARK.radius}" fill="${SITE_COLOURS.accent}"/>` +
    `<path d="${MARK.letterPath}" fill="${SITE_COLOURS.white}"/></svg>`
  );
}

// ---------------------------------------------------------------- fonts

/** The font's family name, as satori's fonts and styles name it. */
const FAMILY = 'Source Serif 4';
/** The package's subsets loaded, each a file per weight. */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'] as const;
const WEIGHTS = [400, 700] as const;

const fontPackage = createRequire(import.meta.url);

/** A file of the font package, by its path inside the package. */
function fontFile(path: string): Buffer {
  return readFileSync(fontPackage.resolve(`@fontsource/source-serif-4/${path}`));
}

type SatoriFont = { name: string; data: Buffer; weight: (typeof WEIGHTS)[number]; style: 'normal' };

let fonts: SatoriFont[] | undefined;

/** The font files, read once per process (satori keeps its parse of them by identity). */
function loadFonts(): SatoriFont[] {
  fonts ??= SUBSETS.flatMap((subset) =>
    WEIGHTS.map((weight) => ({
      name: FAMILY,
      data: fontFile(`files/source-serif-4-${subset}-${weight}-normal.woff`),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

let coverage: ((codePoint: number) => boolean) | undefined;

/**
 * Whether the loaded subsets hold a glyph for every character of a text
 * (spaces and line breaks aside), by the code point ranges the font package
 * lists for each subset in its `unicode.json`.
 */
export function isDrawable(text: string): boolean {
  coverage ??= rangesToTest(
    JSON.parse(fontFile('unicode.json').toString('utf8')) as Record<string, string>,
  );
  const test = coverage;
  return [...text].every((char) => /\s/.test(char) || test(char.codePointAt(0)!));
}

/** A test of code points against the subsets' ranges (`U+0000-00FF,U+0131,…`). */
function rangesToTest(unicode: Record<string, string>): (codePoint: number) => boolean {
  const ranges = SUBSETS.flatMap((subset) => {
    const list = unicode[subset];
    if (!list) throw new Error(`The font package lists no code points for its ${subset} subset.`);
    return list.split(',').map((range) => {
      const [from, to = from] = range.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to!, 16)] as const;
    });
  });
  return (codePoint) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

// ---------------------------------------------------------------- layout

/** An element of satori's tree: what JSX would make, written as data. */
export interface CardElement {
  type: 'div' | 'img';
  props: {
    style?: Record<string, string | number>;
    src?: string;
    width?: number;
    height?: number;
    children?: (CardElement | string)[] | CardElement | string;
  };
}

const element = (
  type: CardElement['type'],
  style: Record<string, string | number>,
  children?: CardElement['props']['children'],
  extra: Omit<CardElement['props'], 'style' | 'children'> = {},
): CardElement => ({
  type,
  props: { style, ...extra, ...(children !== undefined && { children }) },
});

/** The mark as an image element. */
function markElement(size: number): CardElement {
  const src = `data:image/svg+xml;base64,${Buffer.from(markSvg(size)).toString('base64')}`;
  return element('img', { width: size, height: size }, undefined, {
    src,
    width: size,
    height: size,
  });
}

/** Line height of headings, as a multiple of the font size. */
const HEADING_LINE_HEIGHT = 1.12;
/** The average advance of a bold glyph of the font, as a share of its size (a little generous). */
const AVERAGE_ADVANCE = 0.56;

/**
 * The largest font size from a scale at which a heading is expected to fit
 * a box, with the number of lines it may take; the smallest size, with
 * lines cut by an ellipsis, when none fits. The width of a text is
 * estimated from the font's average advance, so the line count is a bound
 * the layout enforces, not a measurement.
 */
export function fitHeading(
  text: string,
  box: { width: number; height: number },
  sizes: readonly number[],
): { fontSize: number; lines: number } {
  const characters = [...text].length;
  for (const fontSize of sizes) {
    const lines = Math.max(1, Math.floor(box.height / (fontSize * HEADING_LINE_HEIGHT)));
    const perLine = Math.floor(box.width / (fontSize * AVERAGE_ADVANCE));
    // Whole words move to the next line, so a line holds a little less.
    if (Math.ceil(characters / Math.max(1, perLine * 0.9)) <= lines) return { fontSize, lines };
  }
  const fontSize = sizes[sizes.length - 1]!;
  return {
    fontSize,
    lines: Math.max(1, Math.floor(box.height / (fontSize * HEADING_LINE_HEIGHT))),
  };
}

/** What a card shows. */
export interface CardContent {
  width: number;
  height: number;
  siteTitle: string;
  /** The section's name, or the site's description; none when the font cannot draw it. */
  heading: string | undefined;
  /** Whether the heading is a section's name (large and bold) or the site's description. */
  kind: 'section' | 'site';
}

/**
 * A card's layout: the site's mark and name on a rule at the top, as the
 * site's header shows them, the heading below in the largest size that
 * fits, and a band of the accent colour at the foot. Sizes scale with the
 * card's width.
 */
export function cardLayout(content: CardContent): CardElement {
  const { width, height } = content;
  const unit = width / 1200;
  const padding = Math.round(72 * unit);
  const band = Math.round(24 * unit);
  const mark = Math.round(84 * unit);
  const masthead = Math.round(56 * unit);
  const rule = Math.max(2, Math.round(4 * unit));
  const gap = Math.round(40 * unit);
  const headerHeight = mark + gap + rule;
  const box = {
    width: width - 2 * padding,
    height: height - 2 * padding - headerHeight - gap - band,
  };
  const sizes = (
    content.kind === 'section' ? [120, 104, 92, 80, 68, 58, 50] : [64, 56, 50, 44]
  ).map((size) => Math.round(size * unit));
  const children: CardElement[] = [
    element(
      'div',
      {
        display: 'flex',
        alignItems: 'center',
        gap: Math.round(28 * unit),
        paddingBottom: gap,
        borderBottom: `${rule}px solid ${SITE_COLOURS.text}`,
      },
      [
        markElement(mark),
        element(
          'div',
          { fontSize: masthead, fontWeight: 700, letterSpacing: '-0.01em', lineHeight: 1 },
          content.siteTitle,
        ),
      ],
    ),
  ];
  if (content.heading !== undefined) {
    const { fontSize, lines } = fitHeading(content.heading, box, sizes);
    children.push(
      element(
        'div',
        {
          display: 'block',
          marginTop: 'auto',
          fontSize,
          fontWeight: content.kind === 'section' ? 700 : 400,
          lineHeight: HEADING_LINE_HEIGHT,
          color: content.kind === 'section' ? SITE_COLOURS.text : SITE_COLOURS.muted,
          lineClamp: lines,
          maxHeight: Math.ceil(lines * fontSize * HEADING_LINE_HEIGHT),
          overflow: 'hidden',
        },
        content.heading,
      ),
    );
  }
  return element(
    'div',
    {
      width,
      height,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      backgroundColor: SITE_COLOURS.background,
      color: SITE_COLOURS.text,
      fontFamily: FAMILY,
    },
    [
      element(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          flexGrow: 1,
          padding: `${padding}px ${padding}px ${gap}px`,
        },
        children,
      ),
      element('div', { height: band, backgroundColor: SITE_COLOURS.accent }),
    ],
  );
}

/**
 * The publisher's logo: the mark and the site's name on the site's
 * background, the name as large as the logo's height and width allow.
 */
export function logoLayout(siteTitle: string, size = SITE_LOGO): CardElement {
  const { width, height } = size;
  const gap = Math.round(height * 0.25);
  const textWidth = width - height - gap;
  const fontSize = Math.min(
    Math.round(height * 0.7),
    Math.floor(textWidth / ([...siteTitle].length * AVERAGE_ADVANCE)),
  );
  return element(
    'div',
    {
      width,
      height,
      display: 'flex',
      alignItems: 'center',
      gap,
      backgroundColor: SITE_COLOURS.background,
      color: SITE_COLOURS.text,
      fontFamily: FAMILY,
    },
    [
      markElement(height),
      element(
        'div',
        {
          fontSize,
          fontWeight: 700,
          letterSpacing: '-0.01em',
          lineHeight: 1,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          maxWidth: textWidth,
        },
        siteTitle,
      ),
    ],
  );
}

// ---------------------------------------------------------------- rendering

/** Lays a tree out as SVG, its text as glyph outlines of the shipped font. */
export async function layoutToSvg(
  tree: CardElement,
  size: { width: number; height: number },
): Promise<string> {
  // satori's types name React's node type; the tree is the data JSX makes.
  return satori(tree as unknown as Parameters<typeof satori>[0], {
    width: size.width,
    height: size.height,
    fonts: loadFonts(),
  });
}

/**
 * An SVG document as a PNG of its own size: full colour, so that the
 * site's colours come out exact (a palette would halve the bytes but shift
 * them), at zlib's strongest compression.
 */
export async function svgToPng(svg: string): Promise<Uint8Array<ArrayBuffer>> {
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
  return new Uint8Array(png);
}

/** A card as PNG bytes. */
export async function renderCard(content: CardContent): Promise<Uint8Array<ArrayBuffer>> {
  return svgToPng(await layoutToSvg(cardLayout(content), content));
}

/** The publisher's logo as PNG bytes, `SITE_LOGO`'s size. */
export async function renderLogo(siteTitle: string): Promise<Uint8Array<ArrayBuffer>> {
  return svgToPng(await layoutToSvg(logoLayout(siteTitle), SITE_LOGO));
}

/** The site's icon as PNG bytes: the mark at `SITE_ICON`'s size. */
export async function renderIcon(): Promise<Uint8Array<ArrayBuffer>> {
  return svgToPng(markSvg(SITE_ICON.width));
}

/**
 * The size an SVG lead image is rasterised at for link previews: `width`
 * pixels wide (a vector image can be drawn at any size), its height in
 * proportion, by the image's own size.
 */
export function svgPreviewSize(
  own: { width: number; height: number },
  width: number,
): { width: number; height: number } {
  return { width, height: Math.max(1, Math.round((own.height * width) / own.width)) };
}

/**
 * An SVG lead image as a PNG `width` pixels wide, on white, since link
 * previews show transparency as black or as their own background. It is
 * drawn at the density that gives that width, not drawn small and
 * enlarged, so lines and text stay sharp.
 */
export async function svgLeadToPng(
  svg: Uint8Array,
  width: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const own = await sharp(svg).metadata();
  if (!own.width || !own.height) throw new Error('The SVG image has no size.');
  const size = svgPreviewSize({ width: own.width, height: own.height }, width);
  const png = await sharp(svg, { density: (72 * width) / own.width })
    .resize(size.width, size.height, { fit: 'fill' })
    .flatten({ background: SITE_COLOURS.white })
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Uint8Array(png);
}
