// The add-in's icons drawn in code and encoded as PNG at build time: no binary file to keep in step with the design.
import { crc32, deflateSync } from 'node:zlib'

/** The sizes Office asks for: ribbon 16, 32 and 80, add-in list 32 and 64; 128 for the store listing. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const

export function iconFileName(size: number): string {
  return `icons/icon-${size}.png`
}

type Rgb = readonly [number, number, number]
// Fluent's brand blue behind white bars: the add-in's mark is a budget growing with the missions.
const BACKGROUND_TOP: Rgb = [0x11, 0x5e, 0xa3]
const BACKGROUND_BOTTOM: Rgb = [0x0f, 0x6c, 0xbd]
const FOREGROUND: Rgb = [0xff, 0xff, 0xff]

/** Is the point (x, y), in a unit square, inside the rounded tile? */
function inTile(x: number, y: number): boolean {
  const radius = 0.18
  const cx = Math.min(Math.max(x, radius), 1 - radius)
  const cy = Math.min(Math.max(y, radius), 1 - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

// Three rising bars on a baseline, in unit coordinates: [left, top, right, bottom].
const SHAPES: readonly (readonly [number, number, number, number])[] = [
  [0.2, 0.56, 0.34, 0.78],
  [0.43, 0.4, 0.57, 0.78],
  [0.66, 0.22, 0.8, 0.78],
  [0.16, 0.8, 0.84, 0.85],
]

function inForeground(x: number, y: number): boolean {
  return SHAPES.some(
    ([left, top, right, bottom]) => x >= left && x <= right && y >= top && y <= bottom
  )
}

/** RGBA pixels of the icon at `size`, each pixel averaged over 4×4 samples (anti-aliasing). */
export function iconPixels(size: number): Uint8Array {
  const samples = 4
  const pixels = new Uint8Array(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let alpha = 0
      let fore = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size
          const y = (py + (sy + 0.5) / samples) / size
          if (!inTile(x, y)) continue
          alpha++
          if (inForeground(x, y)) fore++
        }
      }
      const t = py / Math.max(size - 1, 1)
      const offset = (py * size + px) * 4
      for (let c = 0; c < 3; c++) {
        const back = (BACKGROUND_TOP[c] as number) * (1 - t) + (BACKGROUND_BOTTOM[c] as number) * t
        const color =
          alpha === 0 ? 0 : (back * (alpha - fore) + (FOREGROUND[c] as number) * fore) / alpha
        pixels[offset + c] = Math.round(color)
      }
      pixels[offset + 3] = Math.round((255 * alpha) / (samples * samples))
    }
  }
  return pixels
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A PNG file (8-bit RGBA, no interlace) of RGBA pixels, per the PNG specification (W3C, 2003). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type: RGBA
  const stride = size * 4
  const raw = Buffer.alloc((stride + 1) * size)
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0 // filter: none
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ])
}

export function iconPng(size: number): Buffer {
  return encodePng(size, iconPixels(size))
}
