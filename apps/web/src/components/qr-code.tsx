import { create } from "qrcode";
import { useMemo } from "react";

/**
 * `text` as a QR code (ISO/IEC 18004, error correction M, 4-module quiet zone), drawn as one SVG
 * path in the browser by `qrcode` (decision 0035): no network, scales to any size crisply.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => {
    const modules = create(text, { errorCorrectionLevel: "M" }).modules;
    const squares: string[] = [];
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) squares.push(`M${col + 4} ${row + 4}h1v1h-1z`);
    return { size: modules.size + 8, path: squares.join("") };
  }, [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      className={className}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
