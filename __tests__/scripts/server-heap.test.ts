import { serverHeapMb, withServerHeapLimit } from '@/scripts/server-heap';

describe('the optional server heap limit', () => {
  it('sets no limit unless asked', () => {
    const env = { NODE_OPTIONS: '--enable-source-maps' };
    expect(withServerHeapLimit(env)).toBe(env);
    expect(withServerHeapLimit({}).NODE_OPTIONS).toBeUndefined();
    expect(serverHeapMb({ SERVER_HEAP_MB: ' ' })).toBeNull();
  });

  it('takes SERVER_HEAP_MB and keeps the other NODE_OPTIONS', () => {
    const env = withServerHeapLimit({ SERVER_HEAP_MB: '512', NODE_OPTIONS: '--enable-source-maps' });
    expect(env.NODE_OPTIONS).toBe('--enable-source-maps --max-old-space-size=512');
    expect(env.SERVER_HEAP_MB).toBe('512');
  });

  it('leaves a limit already in NODE_OPTIONS alone', () => {
    const env = { NODE_OPTIONS: '--max-old-space-size=1024', SERVER_HEAP_MB: '300' };
    expect(withServerHeapLimit(env)).toBe(env);
  });

  it.each(['abc', '12.5', '-1', '64', '0x100'])('refuses SERVER_HEAP_MB=%s with a message naming the setting', (raw) => {
    expect(() => serverHeapMb({ SERVER_HEAP_MB: raw })).toThrow(/^SERVER_HEAP_MB: expected a whole number of megabytes, at least 128, got "/);
  });
});
