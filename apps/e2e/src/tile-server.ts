import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { deflateSync } from "node:zlib";

/** A request the tile server answered: the tile's zoom, column and row. */
export type TileRequest = { z: number; x: number; y: number };

export type TileServer = {
  /** The XYZ template to give MAP_TILE_URL, like http://127.0.0.1:41234/{z}/{x}/{y}.png. */
  template: string;
  /** Every tile asked for so far, in order. */
  requests: TileRequest[];
  close(): Promise<void>;
};

const SIZE = 256;
/** A pale green and a pale sand, alternating like a chequerboard so tile edges show in screenshots. */
const COLOURS: [number, number, number][] = [
  [200, 230, 201],
  [245, 222, 179],
];

/**
 * A tiny XYZ tile server on 127.0.0.1 for browser tests: GET /{z}/{x}/{y}.png answers a 256×256
 * solid-colour PNG made here (no files, no network); anything else is 404. Serves any z/x/y.
 */
export async function startTileServer(): Promise<TileServer> {
  const requests: TileRequest[] = [];
  const tiles = COLOURS.map((colour) => solidPng(colour));
  const server = createServer((request, response) => {
    const match = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(request.url ?? "");
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    const [z, x, y] = match.slice(1).map(Number) as [number, number, number];
    requests.push({ z, x, y });
    response.writeHead(200, { "content-type": "image/png", "cache-control": "no-store" });
    response.end(tiles[(x + y) % 2]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    template: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A 256×256 truecolour PNG of one colour (PNG spec: signature, IHDR, IDAT, IEND). */
export function solidPng([r, g, b]: [number, number, number]): Buffer {
  const row = Buffer.alloc(1 + SIZE * 3);
  for (let i = 0; i < SIZE; i++) row.set([r, g, b], 1 + i * 3); // filter byte 0, then RGB
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: SIZE }, () => row)))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
