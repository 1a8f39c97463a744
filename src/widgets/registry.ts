/**
 * Every widget of the site, in the order a reader meets them, by its `data-widget` name: its title and the lecture part it stands
 * in. Embeds (`/embed/<name>/`), the widget catalogue and tests iterate over this list, so the
 * names are stable once published.
 */
export interface WidgetInfo {
  name: string;
  title: string;
  /** The lecture part it belongs to (URL slug). Its anchor there is `#widget-<name>`. */
  part: string;
}

export const widgets: readonly WidgetInfo[] = [
  { name: 'perceptron', title: 'The blue-orange classifier', part: 'forward-pass' },
  { name: 'layer-matmul', title: 'A layer as a matrix product', part: 'forward-pass' },
  { name: 'forward-pass', title: 'Forward propagation through a small network', part: 'forward-pass' },
  { name: 'logic-gates', title: 'AND, OR and XOR', part: 'activation-functions' },
  { name: 'linear-collapse', title: 'Stacked linear layers collapse', part: 'activation-functions' },
  { name: 'activation-explorer', title: 'Activation functions and their derivatives', part: 'activation-functions' },
  { name: 'sine-fit', title: 'Fitting a sine wave', part: 'activation-functions' },
  { name: 'softmax', title: 'Softmax, step by step', part: 'activation-functions' },
  { name: 'mse', title: 'Mean squared error, square by square', part: 'loss-functions' },
  { name: 'one-hot', title: 'One-hot vectors and squared errors', part: 'loss-functions' },
  { name: 'cross-entropy', title: 'Cross-entropy and the −log p curve', part: 'loss-functions' },
  { name: 'gradient-surface', title: 'The gradient on a loss surface', part: 'backward-pass' },
  { name: 'activation-derivatives', title: 'Derivatives of ReLU, sigmoid and softmax', part: 'backward-pass' },
  { name: 'chain-rule', title: 'The chain rule, link by link', part: 'backward-pass' },
  { name: 'backprop-stepper', title: 'Backpropagation, step by step', part: 'backward-pass' },
  { name: 'local-minima', title: 'Where does gradient descent end up?', part: 'backward-pass' },
  { name: 'batch-size', title: 'Full batch, mini-batch, single sample', part: 'weight-updates' },
  { name: 'learning-rate', title: 'Too small, good, too big', part: 'weight-updates' },
  { name: 'lr-decay', title: 'Learning-rate decay', part: 'weight-updates' },
  { name: 'momentum', title: 'Momentum in a ravine', part: 'weight-updates' },
  { name: 'playground', title: 'The playground: train a network yourself', part: 'weight-updates' },
];
