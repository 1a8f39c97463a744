/**
 * The controls every widget uses: one slider-with-number-field, one toggle, one select and one
 * play/pause/step/reset button set. Each has a visible label; the slider keeps the browser's own
 * keyboard behaviour (arrows, PageUp/PageDown, Home/End) and its number field clamps typed values
 * with a visible, announced hint instead of accepting something out of range.
 */
import { useState } from 'preact/hooks';
import type { ComponentChildren, VNode } from 'preact';
import {
  clampToField,
  type BooleanField,
  type ChoiceField,
  type NumberField,
  type NumberListField,
  type Schema,
} from './url-state';
import { useFieldAccess, useWidgetBinding, useWidgetId } from './WidgetFrame';

/**
 * `field`: the key in the widget's state schema that a control sets. It is written as
 * `data-field` on the control's wrapper, so share links can lock or hide a named control and
 * tests can find it.
 *
 * A control whose field a link locks is disabled (so neither mouse nor keyboard can change it) and
 * says "set by your instructor"; one whose field a link hides is not rendered at all.
 *
 * Controls bound to a field come from `useWidget(name, schema)`, typed by the schema: the key must
 * exist and be of the right kind, and the control reads its bounds, step, value (and writes its
 * changes) through the enclosing `WidgetFrame`. The plain exports below (`Slider`, `Select`,
 * `Toggle` without `field`) are for inputs that are not state (a playback speed, an edge to edit).
 */
type KeysOf<S extends Schema, F> = { [K in keyof S]: S[K] extends F ? K : never }[keyof S] & string;
/** The schema's number fields. */
export type NumberKey<S extends Schema> = KeysOf<S, NumberField>;
/** The schema's number-list fields (one slider per entry, chosen by `index`). */
export type NumberListKey<S extends Schema> = KeysOf<S, NumberListField>;
/** The schema's choice fields. */
export type ChoiceKey<S extends Schema> = KeysOf<S, ChoiceField>;
/** The schema's boolean fields. */
export type BooleanKey<S extends Schema> = KeysOf<S, BooleanField>;
/** The values a `Select` bound to `K` offers: a choice field's options, or a number field's values as text. */
export type SelectValue<S extends Schema, K extends keyof S> = S[K] extends ChoiceField<infer T> ? T : string;

/** The visible marker of a locked control; its id describes the disabled input. */
function LockMark({ id }: { id: string }) {
  return (
    <span class="control__lock" id={id}>
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" fill="currentColor" />
      </svg>
      set by your instructor
    </span>
  );
}

interface SliderCommon {
  label: ComponentChildren;
  /** Plain-text label for assistive technology when `label` is markup (e.g. math). */
  ariaLabel?: string;
  unit?: string;
  /** Digits shown in the number field; by default those of `step`. */
  digits?: number;
  disabled?: boolean;
}
interface SliderExplicit {
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
}

/**
 * A slider bound to a number field (or to entry `index` of a number-list field) of schema `S`: its
 * min, max and step are the field's, its value is the state's, and a change is written with the
 * widget's `update`. Pass `onChange` for a change that also sets other fields (it then writes
 * itself), and `min`/`max`/`step`/`value` only where the slider deliberately shows something
 * other than the schema (say why in a comment).
 */
export type BoundSliderProps<S extends Schema> = SliderCommon &
  Partial<SliderExplicit> &
  ({ field: NumberKey<S>; index?: undefined } | { field: NumberListKey<S>; index: number });

/** A slider for a number that is not widget state: everything given. */
export type SliderProps = SliderCommon & SliderExplicit & { field?: undefined };

/** What the slider's implementation accepts (bound or not). */
type AnySliderProps = SliderCommon & Partial<SliderExplicit> & { field?: string; index?: number };

function digitsOf(step: number): number {
  const text = String(step);
  return text.includes('.') ? text.split('.')[1]!.length : 0;
}

/** A number as the site prints it: with a true minus sign. */
function minus(x: number): string {
  return String(x).replace('-', '\u2212');
}

/** Parse what a reader typed: accepts a true minus sign and a decimal comma. */
export function parseTyped(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  const x = Number(cleaned);
  return Number.isFinite(x) ? x : undefined;
}

/**
 * The field a bound control sets, from the enclosing `WidgetFrame`: its schema entry, state value and
 * a setter. Throws when the key is not in the schema (the types prevent it in views).
 */
function useBoundField(field: string | undefined, control: string) {
  const binding = useWidgetBinding();
  if (field === undefined) return undefined;
  const spec = binding?.schema[field];
  if (!binding || !spec) throw new Error(`${control} "${field}": no such field in the widget's schema`);
  return { spec, value: binding.state[field], set: (v: unknown) => binding.update({ [field]: v }) };
}

/**
 * Min, max, step, value and setter of a slider: the explicit props, else those of its bound field.
 * `UntypedSlider` for shared parts that bind a field by name (`TrainingControls`: `lr`, `seed`).
 */
export function UntypedSlider(props: AnySliderProps) {
  const bound = useBoundField(props.field, 'Slider');
  const spec = bound?.spec;
  const numeric = spec?.kind === 'number' || spec?.kind === 'numbers' ? spec : undefined;
  if (bound && !numeric) throw new Error(`Slider "${props.field}": not a number field`);
  const list = spec?.kind === 'numbers' ? (bound!.value as number[]) : undefined;
  const index = props.index ?? 0;
  const min = props.min ?? numeric?.min;
  const max = props.max ?? numeric?.max;
  const step = props.step ?? numeric?.step;
  const value = props.value ?? (list ? list[index] : (bound?.value as number | undefined));
  const onChange =
    props.onChange ?? (bound && ((v: number) => bound.set(list ? list.map((x, i) => (i === index ? v : x)) : v)));
  if (min === undefined || max === undefined || step === undefined || value === undefined || !onChange)
    throw new Error(`Slider "${props.field ?? String(props.label)}": no bounds, value or onChange`);
  return <SliderView {...props} min={min} max={max} step={step} value={value} onChange={onChange} />;
}

/** A slider for a number that is not widget state (state is bound with `useWidget`'s `Slider`). */
export const Slider: (props: SliderProps) => VNode | null = UntypedSlider;

function SliderView({
  label,
  ariaLabel,
  value,
  min,
  max,
  step,
  unit,
  digits,
  onChange,
  disabled: disabledProp,
  field,
}: SliderCommon & SliderExplicit & { field?: string }) {
  const id = useWidgetId();
  const [draft, setDraft] = useState<string | null>(null);
  const [hint, setHint] = useState('');
  const access = useFieldAccess(field);
  const locked = access === 'locked';
  const disabled = disabledProp || locked;
  // A true minus sign, as in every number the site prints (typing a hyphen works too).
  const shown = value.toFixed(digits ?? digitsOf(step)).replace('-', '\u2212');
  const bounds = { kind: 'number' as const, default: value, min, max, step };

  const commit = (text: string) => {
    setDraft(null);
    const typed = parseTyped(text);
    if (typed === undefined) {
      setHint(`"${text}" is not a number; kept ${shown}.`);
      return;
    }
    const clamped = clampToField(bounds, typed);
    if (typed < min || typed > max)
      setHint(`${minus(typed)} is outside ${minus(min)} … ${minus(max)}; set to ${minus(clamped)}.`);
    else setHint('');
    onChange(clamped);
  };

  if (access === 'hidden') return null;
  return (
    <div class="control control--slider" data-field={field} data-locked={locked ? '' : undefined}>
      <label class="control__label" for={`${id}-range`}>
        {label}
      </label>
      {locked && <LockMark id={`${id}-lock`} />}
      <div class="control__row">
        <input
          id={`${id}-range`}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          disabled={disabled}
          aria-label={ariaLabel}
          aria-describedby={locked ? `${id}-lock` : undefined}
          aria-valuetext={unit ? `${shown} ${unit}` : shown}
          onInput={(e) => {
            setHint('');
            onChange(clampToField(bounds, Number((e.currentTarget as HTMLInputElement).value)));
          }}
        />
        <input
          class="control__number"
          type="text"
          inputMode="decimal"
          aria-label={`${ariaLabel ?? (typeof label === 'string' ? label : 'value')}, exact value`}
          aria-describedby={
            [hint ? `${id}-hint` : '', locked ? `${id}-lock` : ''].filter(Boolean).join(' ') || undefined
          }
          value={draft ?? shown}
          disabled={disabled}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          onBlur={(e) => draft !== null && commit((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit((e.currentTarget as HTMLInputElement).value);
            if (e.key === 'Escape') {
              setDraft(null);
              setHint('');
            }
          }}
        />
        {unit && <span class="control__unit">{unit}</span>}
      </div>
      <p class="control__hint" id={`${id}-hint`} role="status" aria-live="polite">
        {hint}
      </p>
    </div>
  );
}

interface ToggleCommon {
  label: ComponentChildren;
  disabled?: boolean;
}
/** A switch bound to a boolean field of schema `S` (`checked`/`onChange` only to override the state's). */
export type BoundToggleProps<S extends Schema> = ToggleCommon & {
  field: BooleanKey<S>;
  checked?: boolean;
  onChange?: (checked: boolean) => void;
};
/** A switch for something that is not widget state. */
export type ToggleProps = ToggleCommon & { checked: boolean; onChange: (checked: boolean) => void; field?: undefined };

function UntypedToggle(props: ToggleCommon & { field?: string; checked?: boolean; onChange?: (c: boolean) => void }) {
  const bound = useBoundField(props.field, 'Toggle');
  if (bound && bound.spec.kind !== 'boolean') throw new Error(`Toggle "${props.field}": not a boolean field`);
  const checked = props.checked ?? (bound?.value as boolean | undefined);
  const onChange = props.onChange ?? bound?.set;
  if (checked === undefined || !onChange) throw new Error(`Toggle "${String(props.label)}": no value or onChange`);
  return <ToggleView {...props} checked={checked} onChange={onChange} />;
}

/** An on/off switch for something that is not widget state (state is bound with `useWidget`'s `Toggle`). */
export const Toggle: (props: ToggleProps) => VNode | null = UntypedToggle;

/** An on/off switch: a real checkbox with the switch role, so Space toggles it. */
function ToggleView({
  label,
  checked,
  onChange,
  disabled,
  field,
}: ToggleCommon & { checked: boolean; onChange: (checked: boolean) => void; field?: string }) {
  const id = useWidgetId();
  const access = useFieldAccess(field);
  if (access === 'hidden') return null;
  const locked = access === 'locked';
  return (
    <label class="control control--toggle" data-field={field} data-locked={locked ? '' : undefined}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled || locked}
        aria-describedby={locked ? `${id}-lock` : undefined}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="control__label">{label}</span>
      {locked && <LockMark id={`${id}-lock`} />}
    </label>
  );
}

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}
/**
 * A select bound to field `K` of schema `S`: a choice field (options among its values) or a number
 * field (options are its values as text; the choice is written back as a number). Value and setter
 * are the state's unless given.
 */
export interface BoundSelectProps<S extends Schema, K extends ChoiceKey<S> | NumberKey<S>> {
  field: K;
  label: ComponentChildren;
  options: readonly SelectOption<SelectValue<S, K>>[];
  value?: SelectValue<S, K>;
  onChange?: (value: SelectValue<S, K>) => void;
  disabled?: boolean;
}
/** A select for something that is not widget state. */
export interface SelectProps<T extends string> {
  label: ComponentChildren;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
  field?: undefined;
}

function UntypedSelect(props: {
  field?: string;
  label: ComponentChildren;
  options: readonly SelectOption<string>[];
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
}) {
  const bound = useBoundField(props.field, 'Select');
  const kind = bound?.spec.kind;
  if (bound && kind !== 'choice' && kind !== 'number') throw new Error(`Select "${props.field}": not a choice field`);
  const value = props.value ?? (bound ? String(bound.value) : undefined);
  const onChange = props.onChange ?? (bound && ((v: string) => bound.set(kind === 'number' ? Number(v) : v)));
  if (value === undefined || !onChange) throw new Error(`Select "${String(props.label)}": no value or onChange`);
  return <SelectView {...props} value={value} onChange={onChange} />;
}

/** A select for something that is not widget state (state is bound with `useWidget`'s `Select`). */
export const Select: <T extends string>(props: SelectProps<T>) => VNode | null = UntypedSelect as never;

function SelectView({
  label,
  value,
  options,
  onChange,
  disabled,
  field,
}: Omit<SelectProps<string>, 'field'> & { field?: string }) {
  const id = useWidgetId();
  const access = useFieldAccess(field);
  if (access === 'hidden') return null;
  const locked = access === 'locked';
  return (
    <div class="control control--select" data-field={field} data-locked={locked ? '' : undefined}>
      <label class="control__label" for={id}>
        {label}
      </label>
      {locked && <LockMark id={`${id}-lock`} />}
      <select
        id={id}
        value={value}
        disabled={disabled || locked}
        aria-describedby={locked ? `${id}-lock` : undefined}
        onChange={(e) => {
          const next = (e.currentTarget as HTMLSelectElement).value;
          if (options.some((o) => o.value === next)) onChange(next);
        }}
      >
        {options.map((o) => (
          <option value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

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
