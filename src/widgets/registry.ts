/**
 * Every widget of the site, by its `data-widget` name: where it stands in the lecture and what it
 * is called. Embeds, the catalogue and tests iterate over this list.
 */
export interface WidgetInfo {
  name: string;
  title: string;
  /** The lecture part it belongs to (URL slug), and the anchor of the widget there. */
  part: string;
}

export const widgets: readonly WidgetInfo[] = [{ name: 'perceptron', title: 'The blue-orange classifier', part: 'forward-pass' }];
