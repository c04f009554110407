/**
 * A heart of 64 points for the draw-your-own dataset to start from, so its preset trains at once:
 * the classic curve x = 16 sin³t, y = 13 cos t − 5 cos 2t − 2 cos 3t − cos 4t, scaled into ±2.
 */
export const STARTER_POINTS: [number, number][] = Array.from({ length: 64 }, (_, k) => {
  const t = (2 * Math.PI * k) / 64;
  const x = 16 * Math.sin(t) ** 3;
  const y = 13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t);
  return [Number((x / 9).toFixed(3)), Number((y / 9 + 0.3).toFixed(3))];
});
