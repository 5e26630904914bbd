import { describe, expect, it } from 'vitest';
import { initialOrder, moved } from '../../web/src/pages/student/ranking-order.js';

const papers = [{ id: 'ddim' }, { id: 'flow-matching' }, { id: 'vae' }, { id: 'gan' }];

describe('the student ranking form’s order of the papers', () => {
  it('starts from the stored ranking, then the papers it leaves out in course order', () => {
    expect(initialOrder(papers, [{ paperId: 'vae' }, { paperId: 'ddim' }])).toEqual([
      'vae',
      'ddim',
      'flow-matching',
      'gan',
    ]);
    expect(initialOrder(papers, [])).toEqual(['ddim', 'flow-matching', 'vae', 'gan']);
  });

  it('drops papers the course no longer has, and a paper ranked twice appears once', () => {
    expect(initialOrder(papers, [{ paperId: 'gone' }, { paperId: 'gan' }, { paperId: 'gan' }])).toEqual([
      'gan',
      'ddim',
      'flow-matching',
      'vae',
    ]);
  });

  it('moves one paper up or down and leaves the others in their order', () => {
    const order = ['a', 'b', 'c', 'd'];
    expect(moved(order, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moved(order, 0, 1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moved(order, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ignores a move past either end', () => {
    const order = ['a', 'b'];
    expect(moved(order, 0, -1)).toBe(order);
    expect(moved(order, 1, 2)).toBe(order);
  });
});
