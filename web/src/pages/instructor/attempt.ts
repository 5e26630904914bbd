import { ApiProblem } from '../../api/client.js';

/**
 * A call's result or its problem, without throwing: for forms that send several requests and keep
 * each one's problem next to its own fields (useSubmit keeps one).
 */
export const attempt = async <T>(call: () => Promise<T>): Promise<{ ok: T } | { problem: ApiProblem }> => {
  try {
    return { ok: await call() };
  } catch (error) {
    return {
      problem: error instanceof ApiProblem ? error : new ApiProblem(0, 'network', (error as Error).message),
    };
  }
};
