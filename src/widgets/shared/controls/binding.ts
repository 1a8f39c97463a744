/**
 * How a control finds the state field it sets: the schema's keys by kind (so a view cannot bind a
 * slider to a choice field) and `useBoundField`, which reads the field from the enclosing `WidgetFrame`.
 */
import type { BooleanField, ChoiceField, NumberField, NumberListField, Schema } from '../url-state';
import { useWidgetBinding } from '../WidgetFrame';

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

/**
 * The field a bound control sets, from the enclosing `WidgetFrame`: its schema entry, state value and
 * a setter. Throws when the key is not in the schema (the types prevent it in views).
 */
export function useBoundField(field: string | undefined, control: string) {
  const binding = useWidgetBinding();
  if (field === undefined) return undefined;
  const spec = binding?.schema[field];
  if (!binding || !spec) throw new Error(`${control} "${field}": no such field in the widget's schema`);
  return { spec, value: binding.state[field], set: (v: unknown) => binding.update({ [field]: v }) };
}
