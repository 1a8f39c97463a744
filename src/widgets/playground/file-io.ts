/**
 * The playground's model file, loaded only when a reader saves or loads one (`useLazyModule` in
 * `useModelFile.tsx`, so the first paint does without it and the engine's JSON reader): the model as
 * JSON (the engine's network format plus where it came from), the validated import of such a
 * file for the current data set, and the browser's side of both (download, reading the file).
 */
import { networkFromJSON, networkToJSON, type Network, type Trainer } from '@lib';
import type { DatasetName, HiddenActivation, OutputChoice, PlaygroundState } from './state';

/**
 * What the model file needs to know of the current set-up and of the playground's limits
 * (`modelFileContext` in `model.ts`). It is passed in, not imported: a static import of the view's
 * modules would make the bundler split the view's chunk behind a facade.
 */
export interface ModelFileContext {
  state: PlaygroundState;
  /** The set-up as a link encodes it (`runKey`), written into a saved file. */
  setup: string;
  /** The data set's name, e.g. "Circles". */
  label: string;
  /** Inputs per sample of the data set. */
  inputs: number;
  /** Output units the data set needs with this output activation. */
  outputs: (out: OutputChoice) => number;
  maxLayers: number;
  maxUnits: number;
  hiddenActivations: readonly HiddenActivation[];
  /** The state fields of the hidden layers' activations, by layer (`a1`…). */
  activationKeys: readonly ('a1' | 'a2' | 'a3' | 'a4')[];
}

/** What an exported file holds besides the engine's network JSON. */
export interface PlaygroundFileInfo {
  /** The set-up it was trained with (URL encoding), for the reader's information. */
  setup: string;
  dataset: DatasetName;
  epoch: number;
  iteration: number;
}

/** The model as a JSON document: the engine's network format plus where it came from. */
export function exportModel(trainer: Trainer, c: ModelFileContext): string {
  const doc = {
    ...networkToJSON(trainer.network),
    playground: {
      setup: c.setup,
      dataset: c.state.data,
      epoch: trainer.epochCount,
      iteration: trainer.iteration,
    } satisfies PlaygroundFileInfo,
  };
  return JSON.stringify(doc, null, 1);
}

/** An imported model that fits the current data: the network and the set-up changes it implies. */
export interface ImportedModel {
  network: Network;
  patch: Partial<PlaygroundState>;
  /** "2-8-8-1 (tanh, tanh, sigmoid)" */
  summary: string;
}

/**
 * Reads a model file for the current data set, or explains in words why it cannot be used:
 * not JSON, not a network (the engine's validation names the field), the wrong number of inputs
 * or outputs for this data, or more layers, units or activations than the playground offers.
 */
export function importModel(
  text: string,
  c: ModelFileContext,
): { ok: true; model: ImportedModel } | { ok: false; error: string } {
  let network: Network;
  try {
    network = networkFromJSON(text);
  } catch (error) {
    return {
      ok: false,
      error: `This file is not a model the playground can read: ${(error as Error).message}.`,
    };
  }
  const sizes = network.sizes;
  const acts = network.activationNames;
  const summary = `${sizes.join('-')} (${acts.join(', ')})`;
  const { inputs, label, maxLayers, maxUnits, hiddenActivations } = c;
  if (sizes[0] !== inputs) {
    return {
      ok: false,
      error: `The model ${summary} has ${sizes[0]} input${sizes[0] === 1 ? '' : 's'}, but the ${label} data set has ${inputs}. Choose a data set with ${sizes[0]} input${sizes[0] === 1 ? '' : 's'} first.`,
    };
  }
  const hidden = sizes.slice(1, -1);
  if (hidden.length > maxLayers)
    return {
      ok: false,
      error: `The model ${summary} has ${hidden.length} hidden layers; the playground shows at most ${maxLayers}.`,
    };
  if (hidden.some((n) => n > maxUnits))
    return {
      ok: false,
      error: `The model ${summary} has a hidden layer wider than ${maxUnits} units, the most the playground shows.`,
    };
  const hiddenActs = acts.slice(0, -1);
  const odd = hiddenActs.find((a) => !(hiddenActivations as readonly string[]).includes(a));
  if (odd)
    return {
      ok: false,
      error: `The model ${summary} uses ${odd} in a hidden layer; the playground offers ${hiddenActivations.join(', ')}.`,
    };
  const out = acts.at(-1)!;
  if (out !== 'sigmoid' && out !== 'softmax' && out !== 'linear')
    return {
      ok: false,
      error: `The model ${summary} has a ${out} output; the playground offers sigmoid, softmax or linear outputs.`,
    };
  const outputs = sizes.at(-1)!;
  const expected = c.outputs(out);
  if (outputs !== expected) {
    return {
      ok: false,
      error: `The model ${summary} has ${outputs} output${outputs === 1 ? '' : 's'}; with a ${out} output the ${label} data set needs ${expected}.`,
    };
  }
  const patch: Partial<PlaygroundState> = { arch: hidden, out };
  hiddenActs.forEach((a, k) => (patch[c.activationKeys[k]!] = a as HiddenActivation));
  return { ok: true, model: { network, patch, summary } };
}

/** The file name a download gets, e.g. `playground-circles-2-8-8-1-epoch120.json`. */
export function modelFileName(trainer: Trainer, c: ModelFileContext): string {
  return `playground-${c.state.data}-${trainer.network.sizes.join('-')}-epoch${trainer.epochCount}.json`;
}

/** Saves the model as a JSON file (the browser's download); returns the file's name. */
export function downloadModel(trainer: Trainer, c: ModelFileContext): string {
  const blob = new Blob([exportModel(trainer, c)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = modelFileName(trainer, c);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return a.download;
}

/** Reads a model file chosen by the reader (at most 2 MB) and validates it with `importModel`. */
export async function readModelFile(
  file: File,
  c: ModelFileContext,
): Promise<{ ok: true; model: ImportedModel } | { ok: false; error: string }> {
  let text: string;
  try {
    text = file.size > 2_000_000 ? '' : await file.text();
  } catch {
    return { ok: false, error: `${file.name} could not be read.` };
  }
  if (!text) {
    return {
      ok: false,
      error: `${file.name} is empty or larger than 2 MB; a model of the playground is a few kilobytes.`,
    };
  }
  return importModel(text, c);
}
