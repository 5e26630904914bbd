/*
 * Minimal stand-ins for the three browser classes pdf.js's legacy build expects on globalThis.
 *
 * Why: on load, pdf.js (display layer) tries `require("@napi-rs/canvas")`, a native module, to
 * polyfill DOMMatrix, ImageData and Path2D, then runs `const SCALE_MATRIX = new DOMMatrix()` at
 * module level. In a Lambda bundle the native module is absent (and built for another CPU), so the
 * module throws `ReferenceError: DOMMatrix is not defined` before any handler runs. pdf.js only
 * installs its own polyfills when the globals are missing, so defining them first wins.
 *
 * We never render: pdf.js is used to open a document and read its page tree. These classes only
 * need to exist and construct; DOMMatrix is a plain 2-D affine matrix (a..f), enough for the few
 * module-level and non-rendering uses. This module must be imported BEFORE pdf.js (ESM evaluates
 * imports in order), which `pdfjs-node.ts` does.
 */

type Init = ArrayLike<number> | undefined;

class DOMMatrixLite {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: Init) {
    if (init && init.length >= 6) {
      // 16-value matrices keep their 2-D part (m11 m12 m21 m22 m41 m42).
      const [a, b, c, d, e, f] =
        init.length === 16
          ? [init[0], init[1], init[4], init[5], init[12], init[13]]
          : [init[0], init[1], init[2], init[3], init[4], init[5]];
      Object.assign(this, { a, b, c, d, e, f });
    }
  }

  get is2D() {
    return true;
  }

  get isIdentity() {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  multiplySelf(m: { a: number; b: number; c: number; d: number; e: number; f: number }) {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b;
    this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d;
    this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e;
    this.f = b * m.e + d * m.f + f;
    return this;
  }

  preMultiplySelf(m: { a: number; b: number; c: number; d: number; e: number; f: number }) {
    const copy = new DOMMatrixLite([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    Object.assign(this, { a: copy.a, b: copy.b, c: copy.c, d: copy.d, e: copy.e, f: copy.f });
    return this;
  }

  translateSelf(x = 0, y = 0) {
    return this.multiplySelf(new DOMMatrixLite([1, 0, 0, 1, x, y]));
  }

  scaleSelf(x = 1, y = x) {
    return this.multiplySelf(new DOMMatrixLite([x, 0, 0, y, 0, 0]));
  }

  invertSelf() {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (det === 0) {
      Object.assign(this, { a: NaN, b: NaN, c: NaN, d: NaN, e: NaN, f: NaN });
      return this;
    }
    Object.assign(this, {
      a: d / det,
      b: -b / det,
      c: -c / det,
      d: a / det,
      e: (c * f - d * e) / det,
      f: (b * e - a * f) / det,
    });
    return this;
  }

  multiply(m: DOMMatrixLite) {
    return new DOMMatrixLite([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(m);
  }

  translate(x?: number, y?: number) {
    return new DOMMatrixLite([this.a, this.b, this.c, this.d, this.e, this.f]).translateSelf(x, y);
  }

  scale(x?: number, y?: number) {
    return new DOMMatrixLite([this.a, this.b, this.c, this.d, this.e, this.f]).scaleSelf(x, y);
  }

  inverse() {
    return new DOMMatrixLite([this.a, this.b, this.c, this.d, this.e, this.f]).invertSelf();
  }

  transformPoint(p: { x?: number; y?: number } = {}) {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }
}

class ImageDataLite {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;

  constructor(dataOrWidth: Uint8ClampedArray | number, widthOrHeight: number, height?: number) {
    if (typeof dataOrWidth === 'number') {
      this.width = dataOrWidth;
      this.height = widthOrHeight;
      this.data = new Uint8ClampedArray(dataOrWidth * widthOrHeight * 4);
    } else {
      this.data = dataOrWidth;
      this.width = widthOrHeight;
      this.height = height ?? dataOrWidth.length / 4 / widthOrHeight;
    }
  }
}

/** Paths are only drawn when rendering, which never happens here. */
class Path2DLite {
  addPath() {}
  closePath() {}
  moveTo() {}
  lineTo() {}
  bezierCurveTo() {}
  quadraticCurveTo() {}
  rect() {}
}

const g = globalThis as Record<string, unknown>;
g.DOMMatrix ??= DOMMatrixLite;
g.ImageData ??= ImageDataLite;
g.Path2D ??= Path2DLite;
