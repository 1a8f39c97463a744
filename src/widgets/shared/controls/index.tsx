/**
 * The controls every widget uses: one slider-with-number-field, one toggle, one select and one
 * play/pause/step/reset button set. Each has a visible label; the slider keeps the browser's own
 * keyboard behaviour (arrows, PageUp/PageDown, Home/End) and its number field clamps typed values
 * with a visible, announced hint instead of accepting something out of range.
 *
 * One module per kind of control (PlayControls is at the end of this one); this is their one
 * address (`../shared/controls`).
 *
 * `field`: the key in the widget's state schema that a control sets. It is written as
 * `data-field` on the control's wrapper, so share links can lock or hide a named control and
 * tests can find it.
 *
 * A control whose field a link locks is disabled (so neither mouse nor keyboard can change it) and
 * says "set by your instructor"; one whose field a link hides is not rendered at all.
 *
 * Controls bound to a field come from `useWidget(name, schema)`, typed by the schema: the key must
 * exist and be of the right kind, and the control reads its bounds, step, value (and writes its
 * changes) through the enclosing `WidgetFrame`. The plain exports (`Slider`, `Select`,
 * `Toggle` without `field`) are for inputs that are not state (a playback speed, an edge to edit).
 */
import type { VNode } from 'preact';
import type { Schema } from '../url-state';
import type { ChoiceKey, NumberKey } from './binding';
import { UntypedSelect, type BoundSelectProps, type SelectProps } from './Select';
import { UntypedSlider, type BoundSliderProps, type SliderProps } from './Slider';
import { UntypedToggle, type BoundToggleProps, type ToggleProps } from './Toggle';

export type { BooleanKey, ChoiceKey, NumberKey, NumberListKey, SelectValue } from './binding';
export { Select, type BoundSelectProps, type SelectOption, type SelectProps } from './Select';
export { Slider, parseTyped, type BoundSliderProps, type SliderProps } from './Slider';
export { Toggle, type BoundToggleProps, type ToggleProps } from './Toggle';

/** The controls typed by schema `S` and bound to its fields (what `useWidget` returns). */
export interface BoundControls<S extends Schema> {
  /** Bound to a number field (or an entry of a number list); or, without `field`, for a number that is not state. */
  Slider: (props: BoundSliderProps<S> | SliderProps) => VNode | null;
  /** Bound to a choice or number field; or, without `field`, for a choice that is not state. */
  Select: {
    <K extends ChoiceKey<S> | NumberKey<S>>(props: BoundSelectProps<S, K>): VNode | null;
    <T extends string>(props: SelectProps<T>): VNode | null;
  };
  /** Bound to a boolean field; or, without `field`, for a switch that is not state. */
  Toggle: (props: BoundToggleProps<S> | ToggleProps) => VNode | null;
}

const UNTYPED_CONTROLS = { Slider: UntypedSlider, Select: UntypedSelect, Toggle: UntypedToggle };

/** The bound controls typed by `S`: the same components every time (no remounting), only their types differ. */
export function controlsFor<S extends Schema>(): BoundControls<S> {
  return UNTYPED_CONTROLS as unknown as BoundControls<S>;
}

// PlayControls lives here rather than in a module of its own: every widget loads this module (through
// `useWidget`), so the buttons stay in the chunk they were always in. On its own, the bundler gave
// them a separate 0.5 KB file, and the training pages (weight-updates) 0.3 KB gz more to load.
export interface PlayControlsProps {
  playing: boolean;
  onPlay?: () => void;
  onPause?: () => void;
  onStep?: () => void;
  stepLabel?: string;
  onReset?: () => void;
  resetLabel?: string;
  disabled?: boolean;
}

/** Play/pause, one step, reset: the buttons of every widget that runs something over time. */
export function PlayControls({
  playing,
  onPlay,
  onPause,
  onStep,
  stepLabel = 'Step',
  onReset,
  resetLabel = 'Reset',
  disabled,
}: PlayControlsProps) {
  return (
    <div class="control control--buttons" role="group" aria-label="Run controls">
      {(onPlay || onPause) && (
        <button type="button" disabled={disabled} onClick={() => (playing ? onPause?.() : onPlay?.())}>
          {playing ? 'Pause' : 'Play'}
        </button>
      )}
      {onStep && (
        <button type="button" disabled={disabled || playing} onClick={onStep}>
          {stepLabel}
        </button>
      )}
      {onReset && (
        <button type="button" onClick={onReset}>
          {resetLabel}
        </button>
      )}
    </div>
  );
}
