/**
 * Saving the model as a JSON file and loading one back: the "Save or load the model" controls, the
 * question before a load replaces the model, and the outcome. The file code (`file-io.ts`, with the
 * engine's JSON reader) is loaded by `useLazyModule` when the reader first saves or loads a model
 * or points at the controls, so the first paint does without it; while a use waits for it, both
 * controls are disabled so that nothing fires twice. Loading a model asks first: it replaces the
 * current weights.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Trainer } from '@lib';
import { useLazyModule } from '../shared/useLazyModule';
import type * as FileIOModule from './file-io';
import { modelFileContext } from './model';
import type { PlaygroundState } from './state';

type FileIO = typeof FileIOModule;

export interface ModelFileOptions {
  trainer: Trainer;
  state: PlaygroundState;
  /** Makes an accepted model the start of the next runs (its set-up applied). */
  onImport: (model: FileIOModule.ImportedModel) => void;
}

/**
 * The save/load controls as one element (`panel`) and `clear()`, which forgets the question and
 * the message (the widget's Reset).
 */
export function useModelFile({ trainer, state, onImport }: ModelFileOptions) {
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | undefined>(undefined);
  const [pending, setPending] = useState<{ model: FileIOModule.ImportedModel; file: string } | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  // The question takes the focus when it appears; answering it gives the focus back to the file field.
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) confirmButton.current?.focus();
  }, [pending]);
  const fileIO = useLazyModule(() => import('./file-io'));
  const [loading, setLoading] = useState(false);
  const refocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const el = refocus.current;
    if (loading || !el) return;
    refocus.current = null;
    if (!document.activeElement || document.activeElement === document.body) el.focus();
  }, [loading]);
  /** Runs `run` with the file module: at once if it is loaded, else once it is (errors shown as the message). */
  const withFileIO = async (run: (io: FileIO) => void | Promise<void>) => {
    if (fileIO.loaded) return run(fileIO.loaded);
    // Disabling the control drops its focus: it gets it back once the module is there.
    refocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setLoading(true);
    let io: FileIO;
    try {
      io = await fileIO.load();
    } catch {
      setMessage({
        kind: 'error',
        text: 'Saving and loading models could not be set up (the connection may be down). Try again.',
      });
      return;
    } finally {
      setLoading(false);
    }
    return run(io);
  };
  const download = () =>
    withFileIO((io) => {
      const name = io.downloadModel(trainer, modelFileContext(state));
      setMessage({ kind: 'ok', text: `Saved ${name}.` });
    });
  const readFile = async (file: File | undefined) => {
    setPending(undefined);
    if (!file) return;
    await withFileIO(async (io) => {
      const result = await io.readModelFile(file, modelFileContext(state));
      if (!result.ok) {
        setMessage({ kind: 'error', text: result.error });
        return;
      }
      setMessage(undefined);
      setPending({ model: result.model, file: file.name });
    });
  };
  const accept = () => {
    if (!pending) return;
    onImport(pending.model);
    setMessage({
      kind: 'ok',
      text: `Loaded ${pending.model.summary} from ${pending.file}. Restart goes back to these weights.`,
    });
    setPending(undefined);
  };
  const keep = () => {
    setPending(undefined);
    fileInput.current?.focus();
  };
  const clear = () => {
    setPending(undefined);
    setMessage(undefined);
  };
  const panel = (
    <fieldset class="playground__file" onPointerEnter={fileIO.prefetch} onFocusIn={fileIO.prefetch}>
      <legend>Save or load the model</legend>
      <div class="control control--buttons">
        <button type="button" disabled={loading} onClick={() => void download()}>
          Download the model (JSON)
        </button>
      </div>
      <div class="control">
        <label class="control__label" for="playground-import">
          Load a model (JSON file)
        </label>
        <input
          id="playground-import"
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          disabled={loading}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            void readFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      {pending && (
        <div class="playground__confirm" role="alertdialog" aria-labelledby="playground-confirm-text">
          <p id="playground-confirm-text">
            Replace the current model ({trainer.network.sizes.join('-')}, {trainer.epochCount} epochs trained) with{' '}
            {pending.model.summary} from {pending.file}? The current weights are lost unless you download them first.
          </p>
          <div class="control control--buttons">
            <button type="button" ref={confirmButton} onClick={accept}>
              Replace the model
            </button>
            <button type="button" onClick={keep}>
              Keep the current model
            </button>
          </div>
        </div>
      )}
      {message && (
        <p
          class={`playground__file-message playground__file-message--${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-readout="file"
        >
          {message.text}
        </p>
      )}
    </fieldset>
  );
  return { panel, clear };
}
