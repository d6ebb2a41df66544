import { describe, expect, it } from 'vitest';
import {
  IMAGE_EXTENSIONS,
  bodyImagePath,
  checkImageBytes,
  sniffImageType,
  hasImageExtension,
  isLocalImageUrl,
  isRemoteImage,
  resolveArticlePath,
} from '../../../src/lib/articles/images.ts';
import { checkSvg } from '../../../src/lib/articles/svg-check.ts';

describe('isRemoteImage', () => {
  it('counts https: URLs as remote and everything else as a file', () => {
    expect(isRemoteImage('https://example.org/photo.jpg')).toBe(true);
    expect(isRemoteImage('./photo.jpg')).toBe(false);
    expect(isRemoteImage('http://example.org/photo.jpg')).toBe(false);
  });
});

describe('hasImageExtension', () => {
  it('accepts the types the image service processes, in any case', () => {
    for (const extension of IMAGE_EXTENSIONS) {
      expect(hasImageExtension(`./photo.${extension}`)).toBe(true);
      expect(hasImageExtension(`./photo.${extension.toUpperCase()}`)).toBe(true);
    }
  });

  it('refuses TIFF, documents and names without an extension', () => {
    expect(hasImageExtension('./scan.tiff')).toBe(false);
    expect(hasImageExtension('./scan.tif')).toBe(false);
    expect(hasImageExtension('./notes.pdf')).toBe(false);
    expect(hasImageExtension('./photo')).toBe(false);
    expect(hasImageExtension('./photos.png/photo')).toBe(false);
  });
});

describe('isLocalImageUrl', () => {
  it('counts relative paths as files beside the article', () => {
    expect(isLocalImageUrl('./chart.svg')).toBe(true);
    expect(isLocalImageUrl('img/map.png')).toBe(true);
    expect(isLocalImageUrl('../shared/photo.png')).toBe(true);
  });

  it('counts URLs, site paths, fragments, queries and nothing as addresses', () => {
    for (const url of [
      'https://example.org/a.png',
      'data:image/png;base64,AA',
      '/a.png',
      '#a',
      '?a',
      '',
    ]) {
      expect(isLocalImageUrl(url)).toBe(false);
    }
  });
});

describe('resolveArticlePath', () => {
  it('resolves a path against the article file’s folder', () => {
    expect(resolveArticlePath('content/2026/02/a.md', './skyline.png')).toBe(
      'content/2026/02/skyline.png',
    );
    expect(resolveArticlePath('content/2026/02/a.md', '../shared/b.png')).toBe(
      'content/2026/shared/b.png',
    );
  });
});

describe('bodyImagePath', () => {
  it('decodes the URL a body keeps before resolving it', () => {
    expect(bodyImagePath('content/2026/02/a.md', 'img/my%20map.png')).toBe(
      'content/2026/02/img/my map.png',
    );
    expect(bodyImagePath('content/2026/02/a.md', '100%25.png')).toBe('content/2026/02/100%.png');
    expect(bodyImagePath('content/2026/02/a.md', 'chart%231%3F.png')).toBe(
      'content/2026/02/chart#1?.png',
    );
  });

  it('leaves out a query or fragment, which a server does not read as part of the file name', () => {
    expect(bodyImagePath('content/2026/02/a.md', './photo.png?v=2')).toBe(
      'content/2026/02/photo.png',
    );
    expect(bodyImagePath('content/2026/02/a.md', './chart#1.png')).toBe('content/2026/02/chart');
  });

  it('names no file for an escape that stands for no character', () => {
    expect(bodyImagePath('content/2026/02/a.md', 'chart%FF.png')).toBeUndefined();
    expect(bodyImagePath('content/2026/02/a.md', 'chart%E2%82.png')).toBeUndefined();
  });
});

/** The bytes of a text. */
const bytes = (text: string) => new TextEncoder().encode(text);
/** Bytes from numbers and text. */
const join = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...bytes(part)] : part)));

const PNG = join([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR');
const JPEG = join([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF');
/** An ISO media file's first box, `ftyp`, with its major brand and one compatible brand. */
const isoMedia = (major: string, compatible: string) =>
  join([0, 0, 0, 24], 'ftyp', major, [0, 0, 0, 0], 'mif1', compatible);

describe('sniffImageType', () => {
  it('tells each type the site takes by its first bytes', () => {
    expect(sniffImageType(JPEG)).toBe('JPEG');
    expect(sniffImageType(PNG)).toBe('PNG');
    expect(sniffImageType(bytes('GIF89a\x01\x00'))).toBe('GIF');
    expect(sniffImageType(bytes('GIF87a\x01\x00'))).toBe('GIF');
    expect(sniffImageType(join('RIFF', [36, 0, 0, 0], 'WEBPVP8 '))).toBe('WebP');
    expect(sniffImageType(isoMedia('avif', 'miaf'))).toBe('AVIF');
    expect(sniffImageType(isoMedia('mif1', 'avif'))).toBe('AVIF');
    expect(sniffImageType(bytes('\uFEFF<?xml version="1.0"?><svg'))).toBe('SVG');
    expect(sniffImageType(bytes('\n  <svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('SVG');
  });

  it('knows no type for text, HEIC, TIFF or nothing', () => {
    expect(sniffImageType(bytes('Notes from the meeting'))).toBeUndefined();
    expect(sniffImageType(isoMedia('heic', 'mif1'))).toBeUndefined();
    expect(sniffImageType(join('II*', [0]))).toBeUndefined();
    expect(sniffImageType(new Uint8Array())).toBeUndefined();
  });
});

describe('checkImageBytes', () => {
  it('passes a file that is what its name says, in any case', () => {
    expect(checkImageBytes('content/a/photo.png', PNG)).toBeUndefined();
    expect(checkImageBytes('content/a/photo.JPG', JPEG)).toBeUndefined();
    expect(checkImageBytes('content/a/chart.svg', bytes(SAFE_SVG))).toBeUndefined();
  });

  it('names the type a file is when its name says another', () => {
    expect(checkImageBytes('content/a/photo.jpg', PNG)).toStrictEqual({
      kind: 'wrong-type',
      expected: 'JPEG',
      actual: 'PNG',
    });
    expect(checkImageBytes('content/a/chart.svg', PNG)).toStrictEqual({
      kind: 'wrong-type',
      expected: 'SVG',
      actual: 'PNG',
    });
    expect(checkImageBytes('content/a/notes.png', bytes('Notes'))).toStrictEqual({
      kind: 'wrong-type',
      expected: 'PNG',
      actual: undefined,
    });
  });

  it('refuses an SVG file that is not UTF-8', () => {
    expect(
      checkImageBytes('content/a/chart.svg', join('<svg title="', [0xe9], '"/>')),
    ).toMatchObject({
      kind: 'malformed',
      reason: 'text that is not UTF-8',
    });
  });
});

/** An SVG as graphics programs export it, with everything a safe one may hold. */
const SAFE_SVG = `\uFEFF<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- Generator: a graphics program -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 10 10">
  <sodipodi:namedview pagecolor="#ffffff"/>
  <title>Rates &amp; yields &#x2014; &#8220;2026&#8221;</title>
  <style type="text/css"><![CDATA[ .a { fill: url(#g); } ]]> .b { stroke: url( '#g' ) }</style>
  <defs><linearGradient id="g"><stop offset="0"/></linearGradient><path id="p" d="M0 0h1"/></defs>
  <use xlink:href="#p" style="opacity: .5"/>
  <a href="#p"><text xml:space="preserve">Onward</text></a>
  <animate attributeName="opacity" from="0" to="1" dur="1s"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
</svg>
`;

/** An SVG document around some markup. */
const svg = (inside: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inside}</svg>`;

describe('checkSvg', () => {
  it('passes an SVG that can run nothing and load nothing', () => {
    expect(checkSvg(SAFE_SVG)).toBeUndefined();
    expect(checkSvg('<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>')).toBeUndefined();
  });

  it.each([
    [svg('<script>alert(1)</script>'), 'a <script> element'],
    [svg('<SCRIPT>alert(1)</SCRIPT>'), 'a <SCRIPT> element'],
    [svg('<rect/>', ' onload="alert(1)"'), 'an event handler attribute (onload)'],
    [svg('<rect ONclick="alert(1)"/>'), 'an event handler attribute (ONclick)'],
    [
      svg('<a href="javascript:alert(1)"><text>x</text></a>'),
      'a script address in the href attribute',
    ],
    [
      svg('<a xlink:href=" java&#x09;scr&#105;pt:alert(1)"><text>x</text></a>'),
      'a script address in the xlink:href attribute',
    ],
    [
      svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
      'a <foreignObject> element',
    ],
    [
      svg('<h:img xmlns:h="http://www.w3.org/1999/xhtml" src="x.png"/>'),
      'an HTML element (<h:img>)',
    ],
    [svg('<iframe src="https://evil.example/"/>'), 'a <iframe> element'],
    [
      svg('<image href="https://evil.example/x.png"/>'),
      'a reference to another file or address in the href attribute',
    ],
    [
      svg('<use href="other.svg#a"/>'),
      'a reference to another file or address in the href attribute',
    ],
    [
      svg('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>'),
      'a data: address in the href attribute',
    ],
    [
      svg('<a href="data:image/png;base64,AA=="><text>x</text></a>'),
      'a data: address in the href attribute',
    ],
    [
      svg('<style>@import url(https://evil.example/a.css);</style>'),
      'an @import rule in a <style> element',
    ],
    [
      svg('<style>rect { fill: url(https://evil.example/a.svg#g) }</style>'),
      'a url() that points at another file or address in a <style> element',
    ],
    [
      svg('<style><![CDATA[ @\\69mport "a.css"; ]]></style>'),
      'an @import rule in a <style> element',
    ],
    [
      svg('<rect style="fill: u\\72l(https://evil.example/a.svg#g)"/>'),
      'a url() that points at another file or address in the style attribute',
    ],
    [
      svg('<rect fill="url(https://evil.example/a.svg#g)"/>'),
      'a url() that points at another file or address in the fill attribute',
    ],
    [
      svg('<rect filter="u\\72l(https://evil.example/a.svg#f)"/>'),
      'a url() that points at another file or address in the filter attribute',
    ],
    [
      svg(`<rect style="background: image-set('https://evil.example/a.png' 1x)"/>`),
      'a CSS function that loads an image in the style attribute',
    ],
    [
      svg('<rect style="width: expression(alert(1))"/>'),
      'CSS that runs scripts in old browsers in the style attribute',
    ],
    [
      `<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>${svg('&x;')}`,
      'a document type with declarations of its own (such as <!ENTITY>)',
    ],
    [
      `<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="x.xsl"?>${svg('')}`,
      'a processing instruction (<?xml-stylesheet?>)',
    ],
    [
      svg('<set attributeName="href" to="https://evil.example/"/>'),
      'an animation of the href attribute',
    ],
    [
      svg('<animate attributeName="xlink:href" values="#a;#b"/>'),
      'an animation of the xlink:href attribute',
    ],
    [svg('<set attributeName="onclick" to="alert(1)"/>'), 'an animation of the onclick attribute'],
  ])('refuses active content: %s', (text, reason) => {
    expect(checkSvg(text)).toMatchObject({ kind: 'active', reason });
  });

  it.each([
    ['', 'no root element'],
    ['Just text', 'text before the root element'],
    ['<html><body/></html>', 'the root element is <html>, not <svg>'],
    [
      '<svg width="10"/>',
      'the root <svg> element is not in the SVG namespace; add xmlns="http://www.w3.org/2000/svg"',
    ],
    [svg('<g><rect/>'), 'the end tag </svg> does not match the open element <g>'],
    ['<svg xmlns="http://www.w3.org/2000/svg"><g>', 'the element <g> is not closed'],
    [svg('<text>&nbsp;</text>'), 'the reference &nbsp; is not defined'],
    [svg('<text>&constructor;</text>'), 'the reference &constructor; is not defined'],
    [svg('<text>R&D</text>'), 'a "&" that starts no reference; write &amp; for an ampersand'],
    [svg('<rect x="1" x="2"/>'), 'the attribute x appears twice in one tag'],
    [svg('<rect x=1/>'), 'the value of the attribute x is not in quotes'],
    [svg('<rect x="1"y="2"/>'), 'the tag <rect> is not closed with > or />'],
    [
      svg('<rect/>')
        .replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', '')
        .replace('<rect/>', '<use xlink:href="#a"/>'),
      'the prefix xlink of xlink:href is not declared',
    ],
    [`${svg('')} trailing`, 'text after the root element'],
    [`${svg('')}${svg('')}`, 'a second root element'],
    [
      `<?xml version="1.0" encoding="ISO-8859-1"?>${svg('')}`,
      'an XML declaration of an encoding other than UTF-8; save the file as UTF-8',
    ],
    [svg('<text>\u0007</text>'), 'a control character, which XML does not allow'],
    [svg('<!-- a -- b -->'), 'a comment that holds "--"'],
    [svg('<text>a < b</text>'), 'a "<" that starts no tag; write &lt; for a less-than sign'],
    [`<!doctype svg>${svg('')}`, 'a "<!" that starts no comment or <!DOCTYPE>'],
  ])('refuses a file that is not a well-formed SVG: %j', (text, reason) => {
    expect(checkSvg(text)).toMatchObject({ kind: 'malformed', reason });
  });

  it('says where in the file the first finding is', () => {
    const text =
      '<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n    <rect onclick="x()"/>\n  </g>\n</svg>';
    expect(checkSvg(text)).toStrictEqual({
      kind: 'active',
      place: { line: 3, column: 11 },
      reason: 'an event handler attribute (onclick)',
    });
    expect(checkSvg(`\uFEFF${text}`)?.place).toStrictEqual({ line: 3, column: 11 });
  });
});
