import type * as TfModule from '@tensorflow/tfjs';

export type Tf = typeof TfModule;

export interface TensorflowRuntime {
  tf: Tf;
  /** 'tensorflow' (tfjs-node), 'wasm' or 'cpu'. */
  backend: string;
}

let runtime: Promise<TensorflowRuntime> | null = null;

/**
 * Native bindings when installed, else the wasm backend, else tfjs's pure-JS 'cpu'.
 * `TIANPING_TF_BACKEND=cpu|wasm` pins one (e.g. to compare backends).
 */
export function tensorflow(): Promise<TensorflowRuntime> {
  runtime ??= initialise(process.env.TIANPING_TF_BACKEND);
  return runtime;
}

async function initialise(pinned: string | undefined): Promise<TensorflowRuntime> {
  if (!pinned) {
    const native = tryNative();
    if (native) return { tf: native, backend: native.getBackend() };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tf = require('@tensorflow/tfjs') as Tf;
  if (pinned !== 'cpu') {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@tensorflow/tfjs-backend-wasm');
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return { tf, backend: 'wasm' };
      }
    } catch {
      // The wasm binary may be missing or refused (e.g. some sandboxes); 'cpu' always works.
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { tf, backend: 'cpu' };
}

/** tfjs-node cannot be installed everywhere; where it is, it is the fastest backend. */
function tryNative(): Tf | null {
  const name = '@tensorflow/tfjs-node';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as Tf;
  } catch {
    return null;
  }
}
