/**
 * The sanitiser and what mends after it (src/lib/sanitize.ts), through the
 * body pipeline that uses them: what raw HTML loses, and that what it keeps
 * is HTML the page may hold. tests/lib/sanitize-validity.test.ts runs the
 * Nu HTML checker over whole hostile bodies.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown, renderBody } from '../../src/lib/articles/markdown.ts';

/** A body's sanitised HTML. */
const html = (markdown: string) => renderBody(parseMarkdown(markdown).body).html;

describe('images the sanitiser takes the source from', () => {
  it('become their alt text, never an image without a source', () => {
    expect(html('<p>See <img src="javascript:alert(1)" alt="a chart"> here.</p>')).toBe(
      '<p>See a chart here.</p>',
    );
    expect(html('![A map](javascript:alert(1))')).toBe('<p>A map</p>');
    expect(html('<p>A <img src="data:image/png;base64,AAAA"> gone.</p>')).toBe('<p>A  gone.</p>');
    expect(html('<p><img alt="No source"></p>')).toBe('<p>No source</p>');
  });

  it('get an empty alt when they have none, and lose sizes that are not numbers', () => {
    expect(html('<p><img src="https://x.test/a.png" width="100%" height="40"></p>')).toBe(
      '<p><img src="https://x.test/a.png" height="40" alt=""></p>',
    );
  });
});

describe('media elements the sanitiser removes', () => {
  it('leave their fallback text and no stray <source> or <track>', () => {
    const body = html(
      '<video src="https://x.test/v.mp4"><source src="https://x.test/v.webm"><track src="v.vtt">Fallback.</video>\n\n' +
        '<audio><source src="https://x.test/a.mp3">Listen.</audio>\n\n' +
        '<p>Stray <source src="https://x.test/s.mp4"> and <track src="t.vtt"> tags.</p>',
    );
    expect(body).not.toMatch(/<(?:source|track|video|audio)\b/);
    expect(body).toContain('Fallback.');
    expect(body).toContain('Listen.');
    expect(body).toContain('<p>Stray  and  tags.</p>');
  });

  it('keep the image of a <picture>, and none of its sources', () => {
    expect(
      html(
        '<picture><source srcset="javascript:alert(1)"><source srcset="https://x.test/p.webp"><img src="https://x.test/p.jpg" alt="A picture"></picture>',
      ),
    ).toBe('<p><img src="https://x.test/p.jpg" alt="A picture"></p>');
  });
});

describe('elements HTML allows only inside another', () => {
  it('are unwrapped, their text kept, outside it', () => {
    expect(html('<div><li>An item</li></div>')).toBe('<div>An item</div>');
    expect(html('<menu><li>A menu item</li></menu>')).toBe('A menu item');
    expect(html('<div><dt>Term</dt><dd>Meaning</dd></div>')).toBe('<div>TermMeaning</div>');
    expect(html('<div><summary>Sum</summary><figcaption>Cap</figcaption></div>')).toBe(
      '<div>SumCap</div>',
    );
    expect(html('<p><rt>ruby text</rt></p>')).toBe('<p>ruby text</p>');
  });

  it('are kept inside it', () => {
    expect(html('<ul><li>One</li></ul>')).toBe('<ul><li>One</li></ul>');
    expect(html('<dl><dt>Term</dt><dd>Meaning</dd></dl>')).toBe(
      '<dl><dt>Term</dt><dd>Meaning</dd></dl>',
    );
    expect(html('<details><summary>More</summary>Text.</details>')).toBe(
      '<details><summary>More</summary>Text.</details>',
    );
  });

  it('put what a list may not hold directly into items of their own', () => {
    expect(html('<ul><p>A paragraph</p><li>An item</li>Loose text</ul>')).toBe(
      '<ul><li><p>A paragraph</p></li><li>An item</li><li>Loose text</li></ul>',
    );
  });

  it('turn a definition list that is not terms then descriptions into plain blocks', () => {
    expect(html('<dl><dd>A description first</dd><p>A paragraph</p></dl>')).toBe(
      '<div><div>A description first</div><p>A paragraph</p></div>',
    );
  });
});

describe('URLs', () => {
  it('lose credentials, in links and images, Markdown or raw', () => {
    const body = html(
      '[a](https://user:secret@example.com/a) ![b](https://user:secret@x.test/b.png)\n\n' +
        '<a href="https://user:secret@example.com/c">c</a> <img src="https://token@x.test/d.png" alt="d">',
    );
    expect(body).not.toContain('secret');
    expect(body).not.toContain('token');
    expect(body).toContain('<a href="https://example.com/a">a</a>');
    expect(body).toContain('<img src="https://x.test/b.png" alt="b">');
    expect(body).toContain('<a href="https://example.com/c">c</a>');
    expect(body).toContain('<img src="https://x.test/d.png" alt="d">');
  });

  it('that do not parse are removed, and the link keeps its text', () => {
    expect(html('<a href="https://exa mple.com/">a</a> <a href="http://">b</a>')).toBe(
      '<p><a>a</a> <a>b</a></p>',
    );
  });

  it('have what a URL may not hold percent-encoded, and are otherwise kept as written', () => {
    expect(
      html('<p><a href="my notes\\a|b.html">n</a> <img src="./my chart.png" alt="c"></p>'),
    ).toBe('<p><a href="my%20notes%5Ca%7Cb.html">n</a> <img src="./my%20chart.png" alt="c"></p>');
    expect(html('<a href="https://x.test/a|b^c">x</a> <a href="https://пример.рф/">y</a>')).toBe(
      '<p><a href="https://x.test/a%7Cb%5Ec">x</a> <a href="https://xn--e1afmkfd.xn--p1ai/">y</a></p>',
    );
    expect(html('[x](https://x.test/a?b=1&c=%20#d) ![y](./chart.svg)')).toBe(
      '<p><a href="https://x.test/a?b=1&#x26;c=%20#d">x</a> <img src="./chart.svg" alt="y"></p>',
    );
  });
});

describe('attribute values', () => {
  it('that HTML does not allow are removed', () => {
    expect(
      html(
        '<p dir="sideways" lang="not a language!" title="kept"><span id="two words">a</span> <span id="">b</span></p>',
      ),
    ).toBe('<p title="kept"><span>a</span> <span>b</span></p>');
    expect(
      html(
        '<table><tr><td colspan="0" rowspan="-1" headers="h" scope="bogus">a</td><th scope="col" colspan="2">b</th></tr></table>',
      ),
    ).toBe('<table><tbody><tr><td>a</td><th scope="col" colspan="2">b</th></tr></tbody></table>');
    expect(html('<ol start="abc" reversed="no"><li>x</li></ol>')).toBe('<ol><li>x</li></ol>');
    expect(html('<ol start="-3" reversed><li>x</li></ol>')).toBe(
      '<ol start="-3" reversed><li>x</li></ol>',
    );
    expect(html('<p dir="rtl" lang="ar-EG">نص</p>')).toBe('<p dir="rtl" lang="ar-EG">نص</p>');
    expect(html('<p lang="zz">a</p><p lang="sr-Latn-RS">b</p>')).toBe(
      '<p>a</p><p lang="sr-Latn-RS">b</p>',
    );
  });

  it('keep a datetime HTML reads, and a <time> without one becomes its text', () => {
    expect(
      html(
        '<p><time datetime="2024-02-29T10:00:00+03:00">then</time> <time datetime="2023-02-29">never</time> ' +
          '<time>yesterday</time> <del datetime="2024-13-01">gone</del> <ins datetime="2024-05-01">new</ins></p>',
      ),
    ).toBe(
      '<p><time datetime="2024-02-29T10:00:00+03:00">then</time> never yesterday <del>gone</del> <ins datetime="2024-05-01">new</ins></p>',
    );
  });
});
