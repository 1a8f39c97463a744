/**
 * Mode (a) of sine-fit, linear units, trained: however many units and layers, the network
 * multiplies out to one straight line, so it cannot fit sin x better than the best line.
 */
import { controlsFor } from '../shared/controls';
import { Tex } from '../shared/Tex';
import { LINE, fmtMse, lineTex } from './model';
import type { sineFitSchema } from './state';

const { Slider } = controlsFor<typeof sineFitSchema>();

export function StraightLineControls() {
  return (
    <>
      <Slider field="layers" label="Hidden layers" />
      <Slider field="units" label="Linear units per layer" />
    </>
  );
}

/** The trained network multiplied out: one slope and one intercept. */
export function StraightLineExplain({ line }: { line: { slope: number; intercept: number } }) {
  return (
    <div class="sine-fit__explain">
      <p>The whole network, multiplied out:</p>
      <div data-readout="line">
        <Tex display tex={lineTex(line)} />
      </div>
      <p>
        Each linear unit passes on a straight line, and a sum of straight lines is a straight line. However many units
        and layers, the network is one slope and one intercept, so its error cannot go below the best straight line's{' '}
        {fmtMse(LINE.mse)}.
      </p>
    </div>
  );
}
