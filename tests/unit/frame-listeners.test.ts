import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FrameListeners, NOTIFY_SPACING_MS, NotifyClock } from '../../src/client/frameListeners.ts';

describe('listeners that hear once a clock tick at most, in a task of their own', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('many changes before the task runs make one notification, and none is lost', () => {
    const listeners = new FrameListeners(new NotifyClock());
    const heard: number[] = [];
    listeners.subscribe(() => heard.push(performance.now()));
    listeners.notifySoon();
    listeners.notifySoon();
    listeners.notifySoon();
    expect(heard).toHaveLength(0); // not in the caller's task
    vi.advanceTimersByTime(0);
    expect(heard).toHaveLength(1);
    listeners.notifySoon();
    vi.advanceTimersByTime(NOTIFY_SPACING_MS);
    expect(heard).toHaveLength(2);
  });

  test('notifications are at least a frame apart, however fast the changes come', () => {
    const listeners = new FrameListeners(new NotifyClock());
    const heard: number[] = [];
    listeners.subscribe(() => heard.push(performance.now()));
    for (let t = 0; t < 200; t += 2) {
      listeners.notifySoon();
      vi.advanceTimersByTime(2);
    }
    vi.advanceTimersByTime(NOTIFY_SPACING_MS);
    const gaps = heard.slice(1).map((t, i) => t - heard[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(NOTIFY_SPACING_MS);
    expect(heard.length).toBeGreaterThanOrEqual(Math.floor(200 / NOTIFY_SPACING_MS) - 1);
    expect(heard.at(-1)).toBeGreaterThanOrEqual(198); // the last change is heard
  });

  test('stores on one clock hear in the same task: one commit for both runs', () => {
    const clock = new NotifyClock();
    const a = new FrameListeners(clock);
    const b = new FrameListeners(clock);
    const heard: [string, number][] = [];
    a.subscribe(() => heard.push(['a', performance.now()]));
    b.subscribe(() => heard.push(['b', performance.now()]));
    a.notifySoon();
    vi.advanceTimersByTime(0);
    a.notifySoon();
    vi.advanceTimersByTime(NOTIFY_SPACING_MS / 2);
    b.notifySoon();
    vi.advanceTimersByTime(NOTIFY_SPACING_MS);
    expect(heard.map(([name]) => name)).toEqual(['a', 'a', 'b']);
    // The second tick: a's second change and b's first, heard together.
    expect(heard[1][1]).toBe(heard[2][1]);
    expect(heard[1][1] - heard[0][1]).toBe(NOTIFY_SPACING_MS);
  });

  test('an unsubscribed or cleared listener hears nothing', () => {
    const listeners = new FrameListeners(new NotifyClock());
    const a = vi.fn();
    const b = vi.fn();
    const stop = listeners.subscribe(a);
    listeners.subscribe(b);
    stop();
    listeners.notifySoon();
    vi.advanceTimersByTime(NOTIFY_SPACING_MS);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    listeners.clear();
    listeners.notifySoon();
    vi.advanceTimersByTime(NOTIFY_SPACING_MS);
    expect(b).toHaveBeenCalledTimes(1);
  });
});
