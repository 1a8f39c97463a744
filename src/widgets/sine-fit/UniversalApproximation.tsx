/**
 * Mode (c) of sine-fit, ReLU units trained with gradient descent: more units, more corners, a
 * closer fit (the universal approximation theorem). The reader's finished runs are listed to
 * compare unit counts.
 */
import { controlsFor } from '../shared/controls';
import { fmtMse } from './model';
import type { sineFitSchema } from './state';

const { Slider } = controlsFor<typeof sineFitSchema>();

/** A finished ReLU run, for the comparison table. */
export interface Run {
  units: number;
  seed: number;
  lr: number;
  mse: number;
}

/** The runs with `run` added (replacing the same settings' earlier one), by units then seed, the last 8. */
export function withRun(runs: readonly Run[], run: Run): Run[] {
  return [...runs.filter((r) => !(r.units === run.units && r.seed === run.seed && r.lr === run.lr)), run]
    .sort((a, b) => a.units - b.units || a.seed - b.seed)
    .slice(-8);
}

export function UnitsControl() {
  return <Slider field="units" label="ReLU units" />;
}

export function UniversalApproximationExplain({ runs }: { runs: readonly Run[] }) {
  return (
    <div class="sine-fit__explain">
      <p>
        More units, more corners, a closer fit: a single hidden layer with enough ReLU units can follow any continuous
        curve on [0, 2π] as closely as we like (the universal approximation theorem). Try 2, 8 and 32 units.
      </p>
      {runs.length > 0 && (
        <table class="sine-fit__runs">
          <caption>Your finished runs</caption>
          <thead>
            <tr>
              <th scope="col">ReLU units</th>
              <th scope="col">seed</th>
              <th scope="col">η</th>
              <th scope="col">error (MSE)</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr>
                <td>{r.units}</td>
                <td>{r.seed}</td>
                <td>{r.lr}</td>
                <td>{fmtMse(r.mse)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
