/**
 * The controls every widget uses: one slider-with-number-field, one toggle, one select and one
 * play/pause/step/reset button set. Each has a visible label; the slider keeps the browser's own
 * keyboard behaviour (arrows, PageUp/PageDown, Home/End) and its number field clamps typed values
 * with a visible, announced hint instead of accepting something out of range.
 */
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { clampToField } from './url-state';
import { useFieldAccess, useWidgetId } from './WidgetFrame';

/**
 * `field`: the key in the widget's state schema that a control sets. It is written as
 * `data-field` on the control's wrapper, so share links can lock or hide a named control and
 * tests can find it. Give it to every control bound to a state field.
 *
 * A control whose field a link locks is disabled (so neither mouse nor keyboard can change it) and
 * says "set by your instructor"; one whose field a link hides is not rendered at all.
 */
export type ControlField = string;

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

export interface SliderProps {
  label: ComponentChildren;
  /** Plain-text label for assistive technology when `label` is markup (e.g. math). */
  ariaLabel?: string;
  value: number;
  min: number;
  max: number;
  step: number;
  unit?: string;
  /** Digits shown in the number field; by default those of `step`. */
  digits?: number;
  onChange: (value: number) => void;
  disabled?: boolean;
  /** The state key this control sets (see `ControlField`). */
  field?: string;
}

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

export function Slider({
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
}: SliderProps) {
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

export interface ToggleProps {
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** The state key this control sets (see `ControlField`). */
  field?: string;
}

/** An on/off switch: a real checkbox with the switch role, so Space toggles it. */
export function Toggle({ label, checked, onChange, disabled, field }: ToggleProps) {
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

export interface SelectProps<T extends string> {
  label: ComponentChildren;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  disabled?: boolean;
  /** The state key this control sets (see `ControlField`). */
  field?: string;
}

export function Select<T extends string>({ label, value, options, onChange, disabled, field }: SelectProps<T>) {
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
          const next = (e.currentTarget as HTMLSelectElement).value as T;
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
