// Just enough PNG reading for the engines' screenshots (8-bit RGB/RGBA,
// non-interlaced, as every WebDriver returns): the colour a <meter> fills with.
import { inflateSync } from "node:zlib";

/** { width, height, channels, pixels } of an 8-bit RGB(A) PNG. */
export function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let off = 8;
  let width, height, depth, type, interlace;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const kind = buf.toString("latin1", off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (kind === "IHDR") {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      depth = data[8]; type = data[9]; interlace = data[12];
    } else if (kind === "IDAT") idat.push(data);
    else if (kind === "IEND") break;
    off += 12 + len;
  }
  if (depth !== 8 || (type !== 2 && type !== 6) || interlace !== 0) {
    throw new Error(`unsupported PNG: depth ${depth}, colour type ${type}, interlace ${interlace}`);
  }
  const channels = type === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/**
 * The dominant saturated colour inside `rect` (viewport pixels) of a
 * whole-window screenshot (WebKitGTK's element screenshots come out black): "green", "yellow", "red",
 * or "none" (greys only: an empty meter, or one the engine does not colour).
 */
export function meterColour(png, rect) {
  const { pixels, channels, width, height } = decodePng(png);
  const count = { green: 0, yellow: 0, red: 0 };
  const x0 = Math.max(0, Math.ceil(rect.left)), x1 = Math.min(width, Math.floor(rect.right));
  const y0 = Math.max(0, Math.ceil(rect.top)), y1 = Math.min(height, Math.floor(rect.bottom));
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const i = (y * width + x) * channels;
    const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
    const max = Math.max(r, g, b), min = Math.min(r, g, b);
    if (max - min < 60) continue;
    if (g > r + 40 && g > b) count.green++;
    else if (r > 150 && g > 120 && b < g - 50) count.yellow++;
    else if (r > g + 60 && r > b + 60) count.red++;
  }
  const [best, n] = Object.entries(count).sort((x, y) => y[1] - x[1])[0];
  return n > 0 ? best : "none";
}
