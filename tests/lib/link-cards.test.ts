import { describe, expect, it } from 'vitest';
import {
  CARD_SHAPE_NAMES,
  CARD_SHAPES,
  cardPath,
  cardText,
  cardToImage,
  isPreviewSize,
  isSvgLead,
  svgLeadFile,
  svgPreviewPath,
} from '../../src/lib/link-cards.ts';
import { instant } from '../helpers/instant.ts';

const site = { title: 'Newsroom Wire', description: 'News from the wire.' };
const drawsLatin = (text: string) => /^[\p{Script=Latin}\p{P}\p{Zs}\d&]*$/u.test(text);

describe('cardPath', () => {
  it("puts the site's cards at the root and a section's beside its front", () => {
    expect(cardPath(undefined)).toBe('/card.png');
    expect(cardPath(undefined, 'card-1x1')).toBe('/card-1x1.png');
    expect(cardPath('world')).toBe('/section/world/card.png');
    expect(cardPath('russian-politics-diplomacy', 'card-4x3')).toBe(
      '/section/russian-politics-diplomacy/card-4x3.png',
    );
  });
});

describe('CARD_SHAPES', () => {
  it('makes the link-preview card at least 1200 × 630 and the others 4:3 and square', () => {
    expect(CARD_SHAPE_NAMES[0]).toBe('card');
    expect(CARD_SHAPES.card.width).toBeGreaterThanOrEqual(1200);
    expect(CARD_SHAPES.card.height).toBeGreaterThanOrEqual(630);
    expect(CARD_SHAPES['card-4x3'].width * 3).toBe(CARD_SHAPES['card-4x3'].height * 4);
    expect(CARD_SHAPES['card-1x1'].width).toBe(CARD_SHAPES['card-1x1'].height);
  });
});

describe('isPreviewSize', () => {
  it('takes images large enough for a large card and for structured data', () => {
    expect(isPreviewSize(1200, 675)).toBe(true);
    expect(isPreviewSize(960, 540)).toBe(true);
    expect(isPreviewSize(300, 200)).toBe(true);
    expect(isPreviewSize(300, 300)).toBe(true);
  });

  it('refuses thumbnails, thin strips and images under 50,000 pixels', () => {
    expect(isPreviewSize(80, 48)).toBe(false);
    expect(isPreviewSize(1200, 40)).toBe(false);
    expect(isPreviewSize(299, 400)).toBe(false);
    expect(isPreviewSize(220, 220)).toBe(false);
  });
});

describe('cardText', () => {
  it("heads a section's card with its name and says so in the alternative text", () => {
    expect(cardText(site, { name: 'Russian Politics & Diplomacy' }, drawsLatin)).toEqual({
      heading: 'Russian Politics & Diplomacy',
      alt: 'Newsroom Wire: Russian Politics & Diplomacy',
    });
  });

  it("heads the site's card with the site's description", () => {
    expect(cardText(site, undefined, drawsLatin)).toEqual({
      heading: 'News from the wire.',
      alt: 'Newsroom Wire: News from the wire.',
    });
  });

  it('leaves off a name the font cannot draw, and the alternative text names the site alone', () => {
    expect(cardText(site, { name: '東京 Tokyo' }, drawsLatin)).toEqual({
      heading: undefined,
      alt: 'Newsroom Wire',
    });
  });
});

describe('cardToImage', () => {
  it('gives the absolute URL, the size and the text alternative', () => {
    expect(
      cardToImage('world', 'card', 'Newsroom Wire: World', 'https://news.example.test/'),
    ).toEqual({
      url: 'https://news.example.test/section/world/card.png',
      alt: 'Newsroom Wire: World',
      width: 1200,
      height: 630,
    });
  });
});

describe('SVG lead images', () => {
  const story = (src: string) => ({
    image: { src, alt: 'A chart' },
    sourcePath: 'content/2026/05/chart-lead.md',
    slug: 'chart-lead',
    published: instant('2026-05-21T09:00:00+03:00'),
  });

  it('tells an SVG file beside the story from a raster or a remote image', () => {
    expect(isSvgLead(story('./lead-chart.svg'))).toBe(true);
    expect(isSvgLead(story('./charts/Lead.SVG'))).toBe(true);
    expect(isSvgLead(story('./photo.png'))).toBe(false);
    expect(isSvgLead(story('https://images.example.org/chart.svg'))).toBe(false);
    expect(isSvgLead({ image: undefined })).toBe(false);
  });

  it("reads the loader's copy and writes the PNG under /previews/ at the story's address", () => {
    expect(svgLeadFile(story('./lead-chart.svg'))).toBe(
      '.astro/cache/lead-images/content/2026/05/lead-chart.svg',
    );
    expect(svgPreviewPath(story('./lead-chart.svg'), 'Europe/Moscow')).toBe(
      '/previews/2026/05/21/chart-lead.png',
    );
  });
});
