import { useEffect, useMemo, useRef } from 'react';
import { SOFTWARE_CANVAS } from '../plane2d/draw.ts';

export interface GridProps {
  /** [count × h·w·c] pixels in [−1, 1] (tanh range). */
  values: Float32Array;
  count: number;
  shape: [number, number, number];
  /** Row of each image; without them images fill rows of `columns`. */
  rowIndex?: readonly number[];
  columns: number;
  /** CSS pixels per image pixel. */
  scale: number;
  label: string;
  rowLabels?: string[];
}

/** Where each image goes: its row, and the next free column in that row. */
export function layout(count: number, columns: number, rowIndex?: readonly number[]): { row: number; col: number }[] {
  const used = new Map<number, number>();
  return Array.from({ length: count }, (_, i) => {
    const row = rowIndex ? rowIndex[i] : Math.floor(i / columns);
    const col = rowIndex ? (used.get(row) ?? 0) : i % columns;
    used.set(row, col + 1);
    return { row, col };
  });
}

/**
 * Images on one canvas, one grey level per pixel: black at −1, white at +1. Rows follow the label
 * (CGAN) or code value (InfoGAN) each sample was drawn for, so a row that changes digit shows what
 * the conditioning controls.
 */
export function ImageGrid({ values, count, shape, rowIndex, columns, scale, label, rowLabels }: GridProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [height, width] = shape;
  const places = useMemo(() => layout(count, columns, rowIndex), [count, columns, rowIndex]);
  const rows = Math.max(1, ...places.map((p) => p.row + 1));
  const cols = Math.max(1, ...places.map((p) => p.col + 1));
  const gap = 1;
  const pixelWidth = cols * (width + gap);
  const pixelHeight = rows * (height + gap);
  useEffect(() => {
    const context = canvas.current?.getContext('2d', SOFTWARE_CANVAS);
    if (!context) return;
    const image = context.createImageData(pixelWidth, pixelHeight);
    image.data.fill(255);
    const size = height * width * shape[2];
    places.forEach(({ row, col }, i) => {
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const v = values[i * size + (y * width + x) * shape[2]];
          const grey = Math.round(Math.min(1, Math.max(0, (v + 1) / 2)) * 255);
          const at = 4 * ((row * (height + gap) + y) * pixelWidth + col * (width + gap) + x);
          image.data[at] = grey;
          image.data[at + 1] = grey;
          image.data[at + 2] = grey;
        }
      }
    });
    context.putImageData(image, 0, 0);
  }, [values, places, height, width, shape, pixelWidth, pixelHeight]);
  return (
    <div className="image-grid">
      {rowLabels ? (
        <ol className="row-labels" style={{ lineHeight: `${(height + gap) * scale}px` }}>
          {rowLabels.slice(0, rows).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ol>
      ) : null}
      <canvas
        ref={canvas}
        width={pixelWidth}
        height={pixelHeight}
        style={{ width: pixelWidth * scale, height: pixelHeight * scale, imageRendering: 'pixelated' }}
        role="img"
        aria-label={label}
      />
    </div>
  );
}
