import v8 from 'node:v8';
import { applyHeapGrowth, DEFAULT_HEAP_GROWTH_PERCENT, heapGrowthPercent } from '@/lib/site/heap';

describe('the server heap growth', () => {
  afterEach(() => jest.restoreAllMocks());

  it('keeps the heap within 40% of what is live unless told otherwise', () => {
    expect(DEFAULT_HEAP_GROWTH_PERCENT).toBe(40);
    expect(heapGrowthPercent({})).toBe(40);
    expect(heapGrowthPercent({ SERVER_HEAP_GROWTH_PERCENT: ' ' })).toBe(40);
    expect(heapGrowthPercent({ SERVER_HEAP_GROWTH_PERCENT: '50' })).toBe(50);
  });

  it('sets V8’s growing factor, or leaves V8 to decide for 0', () => {
    const setFlags = jest.spyOn(v8, 'setFlagsFromString');
    expect(applyHeapGrowth({ SERVER_HEAP_GROWTH_PERCENT: '35' })).toBe(35);
    expect(setFlags).toHaveBeenCalledWith('--heap-growing-percent=35');
    setFlags.mockClear();
    expect(applyHeapGrowth({ SERVER_HEAP_GROWTH_PERCENT: '0' })).toBe(0);
    expect(setFlags).not.toHaveBeenCalled();
  });

  it.each(['abc', '4', '301', '12.5', '-20'])('refuses SERVER_HEAP_GROWTH_PERCENT=%s with a message naming the setting', (raw) => {
    expect(() => heapGrowthPercent({ SERVER_HEAP_GROWTH_PERCENT: raw })).toThrow(
      /^SERVER_HEAP_GROWTH_PERCENT: expected 0 \(V8 decides\) or a whole number from 5 to 300, got "/,
    );
  });
});
