/** The client's one helper for matching the worker's answers to requests (src/client/requests.ts, issue 16). */
import { expect, test } from 'vitest';
import { Requests } from '../../src/client/requests.ts';

test('each request gets its own id and resolves with the answer that carries it back, in any order', async () => {
  const requests = new Requests<string>();
  const sent: number[] = [];
  const first = requests.ask((id) => sent.push(id));
  const second = requests.ask((id) => sent.push(id));
  expect(new Set(sent).size).toBe(2);
  expect(requests.answer(sent[1], 'second')).toBe(true);
  expect(requests.answer(sent[0], 'first')).toBe(true);
  expect(await Promise.all([first, second])).toEqual(['first', 'second']);
});

test('an answer nobody waits for (unknown, or already answered) is refused and resolves nothing', async () => {
  const requests = new Requests<number>();
  let id = 0;
  const asked = requests.ask((requestId) => (id = requestId));
  expect(requests.answer(id + 100, 1)).toBe(false);
  expect(requests.answer(id, 2)).toBe(true);
  expect(requests.answer(id, 3)).toBe(false);
  expect(await asked).toBe(2);
});
