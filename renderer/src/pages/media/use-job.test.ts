import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../../shared/domain/jobs';
import { ApiError } from '../../api/client';
import { useJob } from './use-job';

const status = (id: string, state: JobStatus['state']): JobStatus => ({ id, kind: 'media.export', state, done: 0, total: 1, message: '', cancellable: true, result: null });

describe('useJob', () => {
  it('a second run forgets the first one: no old job to follow, no old result, running until the new one ends', async () => {
    const { result } = renderHook(() => useJob<string>());
    await act(() => result.current.start(async () => status('first', 'running')));
    act(() => result.current.onDone('first result'));
    expect(result.current.result).toBe('first result');
    expect(result.current.running).toBe(false);

    // The second launch takes a while to answer (the core gathers the shipments).
    let answer: (s: JobStatus) => void = () => undefined;
    let launched: Promise<void> = Promise.resolve();
    act(() => {
      launched = result.current.start(() => new Promise<JobStatus>((resolve) => (answer = resolve)));
    });
    expect(result.current.job).toBeNull();
    expect(result.current.result).toBeNull();
    expect(result.current.running).toBe(true);

    await act(async () => {
      answer(status('second', 'running'));
      await launched;
    });
    expect(result.current.job?.id).toBe('second');
    expect(result.current.running).toBe(true);
    act(() => result.current.onDone('second result'));
    expect(result.current.result).toBe('second result');
    expect(result.current.running).toBe(false);
  });

  it('a launch the core refuses leaves a Spanish problem and can be tried again', async () => {
    const { result } = renderHook(() => useJob<string>());
    await act(() => result.current.start(() => Promise.reject(new ApiError({ code: 'IO', message: 'La unidad no tiene espacio libre suficiente.' }))));
    expect(result.current.problem).toContain('espacio libre');
    expect(result.current.running).toBe(false);
  });

  it('a task that fails after starting leaves its Spanish message, and the panel may start again', async () => {
    const { result } = renderHook(() => useJob<string>());
    await act(() => result.current.start(async () => status('first', 'running')));
    expect(result.current.running).toBe(true);
    act(() => result.current.onEnd({ ...status('first', 'failed'), message: 'La unidad se retiró mientras se copiaba; no quedó nada a medias.' }));
    expect(result.current.problem).toBe('La unidad se retiró mientras se copiaba; no quedó nada a medias.');
    expect(result.current.job).toBeNull();
    expect(result.current.running).toBe(false);
    await act(() => result.current.start(async () => status('second', 'running')));
    expect(result.current.problem).toBeNull();
  });

  it('a cancelled task leaves no problem behind', async () => {
    const { result } = renderHook(() => useJob<string>());
    await act(() => result.current.start(async () => status('first', 'running')));
    act(() => result.current.onEnd({ ...status('first', 'cancelled'), message: 'Se canceló la tarea; no quedó nada a medias.' }));
    expect(result.current.problem).toBeNull();
    expect(result.current.running).toBe(false);
  });
});
