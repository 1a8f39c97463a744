/**
 * The slider with its number field: the browser's own keyboard behaviour (arrows, PageUp/PageDown,
 * Home/End), and typed values clamped with a visible, announced hint instead of accepted out of range.
 */
import { useState } from 'preact/hooks';
import type { ComponentChildren, VNode } from 'preact';
import { clampToField, type Schema } from '../url-state';
import { useFieldAccess, useWidgetId } from '../WidgetFrame';
import { useBoundField, type NumberKey, type NumberListKey } from './binding';
import { LockMark } from './LockMark';

interface SliderCommon {
  label: ComponentChildren;
  /** Plain-text label for assistive technology when `label` is markup (e.g. math). */
  ariaLabel?: string;
  unit?: string;
  /** Digits shown in the number field; by default those of `step`. */
  digits?: number | undefined;
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
type AnySliderProps = SliderCommon &
  Partial<SliderExplicit> & { field?: string | undefined; index?: number | undefined };

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
 * Min, max, step, value and setter of a slider: the explicit props, else those of its bound field.
 * `useWidget` types it by the widget's schema (see index.tsx); unbound, it is the plain `Slider`.
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
}: SliderCommon & SliderExplicit & { field?: string | undefined }) {
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
