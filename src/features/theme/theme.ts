/**
 * Which palette the page shows: the light or dark one by the system's `prefers-color-scheme`, the
 * presenter's while presenter mode is on, the system's own colours under `forced-colors`. The
 * chosen palette is written onto <html> as CSS custom properties (through the CSSOM, which the
 * page's content security policy allows), so the CSS and the charts' SVG follow it without a
 * render; the 2D view's canvas reads it through usePalette and repaints when it changes.
 */
import { useLayoutEffect, useSyncExternalStore } from 'react';
import { cssVariable, FORCED_COLOURS, type Palette, PALETTES, type Theme } from './palette.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const FORCED_QUERY = '(forced-colors: active)';

export interface ThemeState {
  theme: Theme;
  forced: boolean;
  palette: Palette;
}

const matches = (query: string) => globalThis.matchMedia?.(query).matches ?? false;

let presenter = false;
let state: ThemeState | undefined;
const listeners = new Set<() => void>();

/** A system colour keyword as the #rrggbb it stands for now, which the canvas's heatmap can mix. */
function resolve(colour: string): string {
  const context = globalThis.OffscreenCanvas ? new OffscreenCanvas(1, 1).getContext('2d') : null;
  if (!context) return colour;
  context.fillStyle = colour;
  return String(context.fillStyle);
}

function compute(): ThemeState {
  const theme: Theme = presenter ? 'presenter' : matches(DARK_QUERY) ? 'dark' : 'light';
  const forced = matches(FORCED_QUERY);
  if (!forced) return { theme, forced, palette: PALETTES[theme] };
  const palette: Palette = { ...PALETTES[theme] };
  for (const [key, colour] of Object.entries(FORCED_COLOURS) as [keyof Palette, string][])
    Object.assign(palette, { [key]: resolve(colour) });
  return { theme, forced, palette };
}

function changed() {
  state = compute();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    for (const query of [DARK_QUERY, FORCED_QUERY]) globalThis.matchMedia?.(query).addEventListener('change', changed);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0)
      for (const query of [DARK_QUERY, FORCED_QUERY])
        globalThis.matchMedia?.(query).removeEventListener('change', changed);
  };
}

function getSnapshot(): ThemeState {
  state ??= compute();
  return state;
}

/** Presenter mode's palette on or off (src/features/presenter). */
export function setPresenterTheme(on: boolean): void {
  if (presenter === on) return;
  presenter = on;
  changed();
}

export function useThemeState(): ThemeState {
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** The palette shown now: for what CSS cannot colour (the 2D view's canvas). */
export function usePalette(): Palette {
  return useThemeState().palette;
}

/** Keeps <html>'s custom properties (and its colour scheme, for form controls) equal to the palette shown. */
export function useThemeVariables(): void {
  const { theme, palette } = useThemeState();
  // Before the browser paints: the first frame already has the palette's colours.
  useLayoutEffect(() => {
    const root = document.documentElement;
    for (const key of Object.keys(palette) as (keyof Palette)[]) {
      const value = palette[key];
      root.style.setProperty(cssVariable(key), typeof value === 'number' ? `${value}px` : value);
    }
    root.style.colorScheme = theme === 'dark' ? 'dark' : 'light';
    root.dataset.theme = theme;
  }, [theme, palette]);
}
