import { describe, expect, it } from 'vitest';
import { absolutizeHtml } from '../../src/lib/absolute-html.ts';

const BASE = 'https://news.example.test/2026/05/31/a-story/';

describe('absolutizeHtml', () => {
  it('resolves root-relative, parent-relative and file-relative links against the article URL', () => {
    expect(
      absolutizeHtml(
        '<p><a href="/2024/01/10/first-story/">a</a> <a href="../other/">b</a> <a href="notes/">c</a></p>',
        BASE,
      ),
    ).toBe(
      '<p><a href="https://news.example.test/2024/01/10/first-story/">a</a> ' +
        '<a href="https://news.example.test/2026/05/31/other/">b</a> ' +
        '<a href="https://news.example.test/2026/05/31/a-story/notes/">c</a></p>',
    );
  });

  it('resolves image sources and srcset candidates', () => {
    expect(
      absolutizeHtml(
        '<img src="./chart.svg" alt="Chart"><img srcset="a.png 1x, /b.png 2x" alt="">',
        BASE,
      ),
    ).toBe(
      '<img src="https://news.example.test/2026/05/31/a-story/chart.svg" alt="Chart">' +
        '<img srcset="https://news.example.test/2026/05/31/a-story/a.png 1x, https://news.example.test/b.png 2x" alt="">',
    );
  });

  it('points in-page anchors at the article page and resolves quotation sources', () => {
    expect(
      absolutizeHtml('<a href="#fn-1">1</a><blockquote cite="/source/">q</blockquote>', BASE),
    ).toBe(
      '<a href="https://news.example.test/2026/05/31/a-story/#fn-1">1</a>' +
        '<blockquote cite="https://news.example.test/source/">q</blockquote>',
    );
  });

  it('leaves absolute and mailto URLs pointing where they did', () => {
    expect(
      absolutizeHtml(
        '<a href="https://other.test/x?a=1&amp;b=2">x</a> <a href="mailto:desk@example.test">m</a>',
        BASE,
      ),
    ).toBe(
      '<a href="https://other.test/x?a=1&#x26;b=2">x</a> <a href="mailto:desk@example.test">m</a>',
    );
  });

  it('keeps text and entities as they read', () => {
    expect(absolutizeHtml('<p>Closing ]]> and &amp; &lt;tag&gt;</p>', BASE)).toBe(
      '<p>Closing ]]> and &#x26; &#x3C;tag></p>',
    );
  });
});
