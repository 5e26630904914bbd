import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../api/client.js';

export interface Resource<T> {
  data: T | undefined;
  problem: ApiProblem | undefined;
  loading: boolean;
  reload: () => void;
}

const asProblem = (error: unknown): ApiProblem =>
  error instanceof ApiProblem ? error : new ApiProblem(0, 'network', (error as Error).message);

/** Loads `load()` when `deps` change; `reload()` asks again (after a write). */
export const useResource = <T>(load: () => Promise<T>, deps: unknown[]): Resource<T> => {
  const [state, setState] = useState<{ data?: T; problem?: ApiProblem; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ problem: asProblem(error), loading: false }),
    );
    return () => {
      live = false;
    };
    // The caller names the dependencies, as with useEffect.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, problem: state.problem, loading: state.loading, reload };
};

/** A form's submit: busy while it runs, the API's problem kept for the fields it names. */
export const useSubmit = () => {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setProblem(undefined);
    try {
      return await action();
    } catch (error) {
      setProblem(asProblem(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, setProblem, run };
};
