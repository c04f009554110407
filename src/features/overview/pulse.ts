/**
 * The overview graph's pulse while a run trains (issue 19): D's edges, then G's, light up in turn, and
 * the edges a step follows march forward. It was a CSS animation of the SVG, and SVG shapes get no
 * compositor layer: the page repainted on every frame, on screen or not, and its main thread spent
 * ~1.1–1.4 s of every 5 s painting at full speed (1280×720, wasm; ~0.3 s without it). Now the state
 * is two data attributes on the <svg>, stepped a few times a second and only while the graph is on
 * screen in a visible tab; overview.css draws each state, so the graph repaints 5 times a second at
 * most.
 */
import { type RefObject, useEffect } from 'react';

/** One step of the pulse: 5 a second, smooth enough to read as motion, far below the frame rate. */
export const PULSE_TICK_MS = 200;
/** Steps per phase: D's edges lit for 0.8 s, then G's, as the 1.6 s CSS cycle did. */
export const TICKS_PER_PHASE = 4;
/** The offsets the marching edges step through: their dash patterns are 9 units long, 3 a step. */
export const FLOW_STEPS = 3;

export interface PulseState {
  /** Whose edges are lit. */
  phase: 'd' | 'g';
  /** 0..FLOW_STEPS − 1: how far along its dash pattern a marching edge is. */
  flow: number;
}

export function pulseAt(tick: number): PulseState {
  return { phase: Math.floor(tick / TICKS_PER_PHASE) % 2 === 0 ? 'd' : 'g', flow: tick % FLOW_STEPS };
}

/**
 * Steps `data-pulse` and `data-flow` on the graph while `active`, paused while the graph is off screen
 * (scrolled away, another tab shown) or the browser tab is hidden, and not at all where the reader
 * asks for reduced motion. Written on the element, not through React: the graph does not re-render.
 */
export function usePulse(ref: RefObject<SVGSVGElement | null>, active: boolean): void {
  useEffect(() => {
    const svg = ref.current;
    if (!svg || !active || globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return;
    let tick = 0;
    let onScreen = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const show = () => {
      const { phase, flow } = pulseAt(tick);
      svg.dataset.pulse = phase;
      svg.dataset.flow = String(flow);
    };
    const schedule = () => {
      const run = onScreen && document.visibilityState === 'visible';
      if (run && timer === undefined) {
        timer = setInterval(() => {
          tick += 1;
          show();
        }, PULSE_TICK_MS);
      } else if (!run && timer !== undefined) {
        clearInterval(timer);
        timer = undefined;
      }
    };
    show();
    const observer = new IntersectionObserver((entries) => {
      onScreen = entries.some((entry) => entry.isIntersecting);
      schedule();
    });
    observer.observe(svg);
    document.addEventListener('visibilitychange', schedule);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', schedule);
      clearInterval(timer);
      delete svg.dataset.pulse;
      delete svg.dataset.flow;
    };
  }, [ref, active]);
}
