/** Where a memo keeps its results, by key (the build cache's `texts`). */
export interface MemoStore<O> {
  get(key: string): O | undefined
  set(key: string, value: O): void
}

/** A step mapped over inputs, given what they share (`context`): outputs in the inputs' order, `onEach` hearing each as it is done. */
export type MapStep<C, I, O> = (context: C, inputs: readonly I[], onEach?: (index: number, output: O) => void) => Promise<O[]>

/**
 * `step` with each output remembered under its input's key, which names
 * everything the output depends on (its content, the context, the code):
 * an input whose key the store holds is not given to `step` again, and its
 * output is heard first. The outputs are those of `step` either way.
 */
export function memo<C, I, O>(step: MapStep<C, I, O>, keyOf: (context: C, input: I) => string, store: MemoStore<O>): MapStep<C, I, O> {
  return async (context, inputs, onEach) => {
    const keys = inputs.map((input) => keyOf(context, input))
    const outputs = new Array<O>(inputs.length)
    const missing: number[] = []
    keys.forEach((key, index) => {
      const hit = store.get(key)
      if (hit === undefined) {
        missing.push(index)
      } else {
        outputs[index] = hit
        onEach?.(index, hit)
      }
    })
    if (missing.length === 0) return outputs
    await step(context, missing.map((index) => inputs[index] as I), (at, output) => {
      const index = missing[at] as number
      outputs[index] = output
      store.set(keys[index] as string, output)
      onEach?.(index, output)
    })
    return outputs
  }
}
