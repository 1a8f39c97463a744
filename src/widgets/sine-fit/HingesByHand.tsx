/**
 * Mode (b) of sine-fit, ReLU hinges set by hand: a curve built hinge by hinge, starting from the
 * slide's two-ReLU formula. Each hinge is flat until its kink and then a straight line; adding
 * hinges adds corners.
 */
import { controlsFor } from '../shared/controls';
import { Tex } from '../shared/Tex';
import { fmt } from '~/util/format';
import { hingesOf, hingesTex, sinePreset, slidePreset } from './hinges';
import type { SineFitState, sineFitSchema } from './state';

const { Slider, Select } = controlsFor<typeof sineFitSchema>();
const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];

/** The hinges' sliders (one hinge at a time), the presets and the x range shown. */
export function HingeControls({
  state,
  update,
}: {
  state: SineFitState;
  update: (patch: Partial<SineFitState>) => void;
}) {
  const editIndex = Math.min(state.edit, state.hinges) - 1;
  const k = editIndex + 1;
  return (
    <>
      <Slider
        field="hinges"
        label="Hinges"
        // Fewer hinges: the hinge being edited stays among them.
        onChange={(hinges) => update({ hinges, edit: Math.min(state.edit, hinges) })}
      />
      <Select
        field="edit"
        label="Hinge to edit"
        // The hinge edited: a link may name one beyond the hinges shown.
        value={String(k)}
        options={Array.from({ length: state.hinges }, (_, i) => ({
          value: String(i + 1),
          label: `Hinge ${i + 1}`,
        }))}
      />
      <fieldset class="sine-fit__hinge">
        <legend>
          Hinge {k}: v{SUB[k]}·max(w{SUB[k]}x + b{SUB[k]}, 0), kink at x ={' '}
          {kinkText(state.hw[editIndex]!, state.hb[editIndex]!)}
        </legend>
        <Slider field="hw" label={`Weight w${SUB[k]}`} index={editIndex} />
        <Slider field="hb" label={`Bias b${SUB[k]}`} index={editIndex} />
        <Slider field="hv" label={`Output weight v${SUB[k]}`} index={editIndex} />
      </fieldset>
      <Slider field="c" label="Output bias c" />
      <div class="control control--buttons" role="group" aria-label="Presets">
        <button type="button" onClick={() => update(slidePreset())}>
          The slide's formula
        </button>
        <button type="button" onClick={() => update(sinePreset())}>
          Six hinges along the sine
        </button>
      </div>
      <Select
        field="view"
        label="x range shown"
        options={[
          { value: 'slide', label: '−0.2 … 0.35 (the slide)' },
          { value: 'sine', label: '0 … 2π (the sine)' },
        ]}
      />
    </>
  );
}

/** The hinges as one formula, and how the slide's formula is two of them. */
export function HingeExplain({ state }: { state: SineFitState }) {
  return (
    <div class="sine-fit__explain">
      <Tex display tex={hingesTex(hingesOf(state), state.c)} />
      <p>
        The slide's formula max(max(6x, 0)·(−1) + 0.7, 0)·(−1) is the preset: two hinges, −0.7 + max(6x, 0) − max(6x −
        0.7, 0). Each hinge is flat until its kink at x = −b/w and then a straight line of slope v·w; adding hinges adds
        corners.
      </p>
    </div>
  );
}

function kinkText(w: number, b: number): string {
  return w === 0 ? 'none (w = 0)' : fmt(-b / w, 3);
}
