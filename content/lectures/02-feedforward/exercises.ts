/**
 * The exercises of lecture 2: every question the slides put to the class, in the lecture's order,
 * with what the page needs to check an answer. The lecture pages (`<Question id=… />`) and the
 * instructors' answer key both read this list, so they cannot drift apart. Rich text: see
 * `src/exercises/types.ts`. Ids are public (anchors `#q-<id>`, saved progress): never change one.
 */
import { Matrix, categoricalCrossEntropy, oneHot, CLIP_EPSILON } from '@lib';
import { fmt } from '~/util/format';
import { sineFits } from '~/figures/activation-functions';
import { PREDICTIONS } from '~/figures/loss-functions';
import type { ExerciseSet } from '~/exercises/types';

const L = '/lectures/02-feedforward';

/*
 * Words students use in the short answers below, shared by the questions that tell the prediction ŷ
 * from the true value y. Each question's phrasings table (`short-answers.test.ts`) pins what they decide.
 */
/** "What the network predicts" (not `output` or `probability`: "the true output", "the true distribution" are y). */
const SAYS_PREDICTED = [
  'predicted',
  'prediction',
  'predict',
  'estimate',
  'estimated',
  'estimation',
  'y predict',
  'y pred',
  'probs',
  'guess',
  'forecast',
  'approximation',
];
/** "What the network should predict". */
const SAYS_TRUE = [
  'true',
  'truth',
  'target',
  'actual',
  'correct',
  'desired',
  'real',
  'should',
  'expected',
  'ideal',
  'y true',
  'right answer',
];
/** "An estimate of y" says ŷ even when it names y's truth ("an estimate of the true value"). */
const SAYS_ESTIMATE_OF = [
  'estimate of',
  'estimation of',
  'prediction of',
  'prediction for',
  'approximation of',
  'approximation to',
  'guess of',
  'guess for',
  'guess at',
  'estimate for',
];
/** One class rather than a probability per class. */
const SAYS_ONE_CLASS = [
  'predicted class',
  'predicted label',
  'class prediction',
  'predicted category',
  'argmax',
  'most likely class',
  'class with the highest',
];
const SAYS_CROSS_ENTROPY = [
  'cross-entropy',
  'log loss',
  'logistic loss',
  'logarithmic loss',
  'CCE',
  'negative log-likelihood',
  'NLL',
];
const SAYS_WITH_RESPECT_TO = [
  'with respect to',
  'with regard to',
  'with regards to',
  'in respect to',
  'in respect of',
  'with respect of',
];
/** Near-synonyms of "with respect to" in everyday English that are not the phrase itself. */
const SAYS_ROUGHLY_WRT = [
  'with reference to',
  'with relation to',
  'in relation to',
  'relative to',
  'in terms of',
  'regarding',
  'concerning',
];
const lineMse = sineFits().linear.mse;
const pear = oneHot([1], 4);
const ceBlue = categoricalCrossEntropy(Matrix.from([[...PREDICTIONS.blue]]), pear);
const ceYellow = categoricalCrossEntropy(Matrix.from([[...PREDICTIONS.yellow]]), pear);
const worstClipped = -Math.log(CLIP_EPSILON);

export const exercises: ExerciseSet = {
  lecture: '02-feedforward',
  exercises: [
    {
      id: 'perceptron-cat-dog',
      n: 1,
      part: 'forward-pass',
      kind: 'single',
      prompt: 'Could a perceptron like this, in principle, be a cat-and-dog classifier?',
      options: [
        {
          id: 'yes-two-classes',
          text: 'Yes, in principle: a picture is a list of numbers, and a perceptron separates two classes.',
          correct: true,
          feedback:
            'One input per pixel value, one output that says 1 (cat) or 0 (dog): a two-class problem is exactly what a perceptron answers. Whether it answers *well* is another matter.',
        },
        {
          id: 'no-images',
          text: 'No: a perceptron cannot take a picture as input.',
          correct: false,
          feedback:
            'A picture is just numbers — one per pixel and colour channel. Give each its own input $x_i$ and weight $w_i$ and the perceptron takes it.',
        },
        {
          id: 'no-two-outputs',
          text: 'No: it needs one output per class, so two outputs.',
          correct: false,
          feedback: 'Two classes need only one yes/no output: 1 for cat, 0 for dog.',
        },
        {
          id: 'yes-works-well',
          text: 'Yes, and it would classify photographs about as well as a deep network.',
          correct: false,
          feedback:
            'In principle yes, but not well: one flat hyperplane cannot separate cats from dogs in raw pixel space (the same cat moved a few pixels gives completely different inputs).',
        },
      ],
      hints: [
        'How many classes does a cat-and-dog classifier have to tell apart? How many values can a perceptron’s output take?',
        '“In principle” asks whether it *can* be set up that way, not whether it would be accurate.',
      ],
      explanation: `A perceptron is a two-class classifier with one output; cat-or-dog is a two-class problem. Try the [blue-orange classifier](${L}/forward-pass/#widget-perceptron): two classes, one straight line.`,
      answer: `In principle, yes. A photograph is just a long list of numbers (one per pixel and colour
channel), so we can give each pixel its own input $x_i$ and weight $w_i$, and read the output 1 as
"cat" and 0 as "dog". The perceptron is exactly a two-class classifier, and cat-or-dog is a
two-class problem.

In practice it would do badly. A perceptron can only split the input space with one flat
hyperplane, and cat pictures and dog pictures are nowhere near separable that way in raw pixel
space: the same animal shifted a few pixels to the left produces completely different inputs. To
get good results we need hidden layers that first turn pixels into more useful features — which is
what the rest of this lecture builds up to.`,
      task: {
        widget: 'perceptron',
        text: 'In the blue-orange classifier, set $w_1$, $w_2$ and $b$ (or drag the line) so that every point is classified correctly.',
        goals: [{ field: 'correct', is: { eq: { field: 'total' } }, says: 'every point classified correctly' }],
      },
    },
    {
      id: 'perceptron-three-fruits',
      n: 2,
      part: 'forward-pass',
      kind: 'single',
      prompt: 'Could a perceptron, in principle, be an apple, orange and banana classifier?',
      options: [
        {
          id: 'no-two-values',
          text: 'Not on its own: its single step output takes only two values, so it names at most two classes.',
          correct: true,
          feedback: '0 or 1 is two answers; three fruits need three.',
        },
        {
          id: 'yes-three-values',
          text: 'Yes: let the output 0 mean apple, 1 orange and 2 banana.',
          correct: false,
          feedback: 'The step function only ever outputs 0 or 1; there is no 2.',
        },
        {
          id: 'yes-three-perceptrons',
          text: 'Yes: three perceptrons side by side always give exactly one clear answer.',
          correct: false,
          feedback:
            'Three perceptrons can each say “this fruit or not”, but for some inputs two say yes at once, or none does, and step outputs give no way to break the tie.',
        },
      ],
      hints: ['What values can the step function output?'],
      explanation: `A perceptron’s output is a step: 0 or 1, two classes. Three perceptrons side by side have no sense of how sure each is — that is why the lecture moves on to [logistic regression](${L}/forward-pass/#logistic-regression).`,
      answer: `Not on its own. A single perceptron has one output that can take only two values, 0 or 1, so it
can name at most two classes.

You could combine three perceptrons, one per fruit, each answering "is it this fruit or not?".
But step outputs have no sense of *how sure* each perceptron is: for some inputs two of them will
say yes at once, or none will, and there is nothing to break the tie. That is one reason we move
to smoother activation functions next.`,
    },
    {
      id: 'logistic-three-fruits',
      n: 3,
      part: 'forward-pass',
      kind: 'multiple',
      prompt: 'Could logistic regression, in principle, be an apple, orange and banana classifier?',
      options: [
        {
          id: 'one-neuron-two',
          text: 'A single logistic-regression neuron, on its own, separates only two classes.',
          correct: true,
          feedback: 'Its one output is one probability $p$, for one class against the other ($1 - p$).',
        },
        {
          id: 'three-side-by-side',
          text: 'Three of them side by side, one per fruit, can do it: pick the fruit with the highest score.',
          correct: true,
          feedback: 'Graded outputs can be compared, so ties are no longer a problem.',
        },
        {
          id: 'softmax-layer',
          text: 'A layer with three outputs turned into probabilities by the softmax can do it.',
          correct: true,
          feedback: 'This is the standard way, sometimes called multinomial logistic regression.',
        },
        {
          id: 'thresholds',
          text: 'One neuron can do it alone: read $p < 0.33$ as apple, $p < 0.66$ as orange, the rest as banana.',
          correct: false,
          feedback:
            'That forces the fruits into an order along one line through the inputs, and $p$ is then no longer the probability of anything; one sigmoid output models two classes.',
        },
      ],
      hints: [
        'How many outputs does one logistic-regression neuron have, and what does that output mean?',
        'Now think of more than one neuron.',
      ],
      explanation: `One neuron gives one probability (two classes); three graded outputs, or three logits through the [softmax](${L}/activation-functions/#softmax-output), handle three classes.`,
      answer: `A single logistic-regression neuron still has only one output: one probability, which can
distinguish two classes (a probability $p$ for one class and $1 - p$ for the other). So, on its
own, no.

But because its output is graded, three of them side by side — one per fruit — *can* do the job:
each gives a score for its own fruit, and we pick the fruit with the highest score. Better still,
we can give the layer three outputs and turn them into three probabilities that add up to 1 with
the [softmax](${L}/activation-functions/#softmax-output) function. That is the
standard way to classify more than two classes, and it is sometimes called *multinomial* logistic
regression.`,
    },
    {
      id: 'why-nonlinear',
      n: 4,
      part: 'activation-functions',
      kind: 'reflection',
      prompt: 'Why do multi-layer neural networks need non-linear activation functions?',
      hints: ['What is a weighted sum of weighted sums?', 'Could a network of linear layers compute XOR?'],
      explanation: `Stacked linear layers are one linear layer: see [Linear layers collapse into one](${L}/activation-functions/#linear-layers-collapse-into-one), and the [AND, OR and XOR widget](${L}/activation-functions/#widget-logic-gates), where a hidden layer of sigmoids learns XOR.`,
      answer: `Because without them, extra layers add nothing. A linear layer computes a weighted sum of its
inputs; a weighted sum of weighted sums is still just a weighted sum of the original inputs. So any
stack of linear layers computes the same kind of function as one linear layer: a straight line, a
flat plane, or a flat hyperplane. Such a network could still not compute XOR or fit a curve.

A non-linear activation between the layers breaks this: each layer can bend, clip or squash what
it receives, and composing many such bent pieces gives curved decision boundaries and curved
functions. The next two sections show both halves of this argument with examples.`,
      task: {
        widget: 'logic-gates',
        text: 'In the AND, OR and XOR widget, make the 2-2-1 network (sigmoid hidden layer) learn XOR with a loss below 0.05.',
        goals: [
          { field: 'gate', is: { eq: 'xor' }, says: 'gate: XOR' },
          { field: 'arch', is: { eq: '2-2-1' }, says: 'network: 2-2-1' },
          { field: 'loss', is: { lt: 0.05 }, says: 'loss below 0.05' },
        ],
      },
    },
    {
      id: 'linear-sine-fit',
      n: 5,
      part: 'activation-functions',
      kind: 'single',
      prompt: 'Can we make the fit better by adding more linear neurons, or more layers of linear neurons?',
      options: [
        {
          id: 'no',
          text: 'No: any number of linear neurons, in any number of layers, still computes a straight line.',
          correct: true,
          feedback: `The best straight line is already drawn; no linear network gets below its error of ${fmt(lineMse, 3)}.`,
        },
        {
          id: 'more-neurons',
          text: 'Yes, with more linear neurons in the hidden layer.',
          correct: false,
          feedback: 'A sum of straight lines is a straight line: wider linear layers add parameters, not shape.',
        },
        {
          id: 'more-layers',
          text: 'Yes, with more layers of linear neurons.',
          correct: false,
          feedback: 'A linear function of a linear function is linear: the layers collapse into one.',
        },
      ],
      hints: ['What is a linear function of a linear function?'],
      explanation: `However the linear units are arranged, the network computes $\\hat{y} = wx + b$. In the [sine-fit widget](${L}/activation-functions/#widget-sine-fit), add linear units and layers and watch the fit stay a line; switch to ReLU units and it bends.`,
      answer: `No. However many linear neurons we add, side by side or in extra layers, the network still
computes a function of the form $\\hat{y} = w x + b$ — a straight line — for reasons the next
section makes precise. The line in the figure is already the best straight line, so no amount of
linear units can push the mean squared error below ${fmt(lineMse, 3)}.

To fit a curve, the units must be able to bend: we need non-linear activation functions.`,
      task: {
        widget: 'sine-fit',
        text: 'In the sine-fit widget, beat the best straight line: use ReLU units (by hand or trained) and get the error below the line’s.',
        goals: [
          { field: 'mode', is: { ne: 'linear' }, says: 'ReLU units' },
          { field: 'mse', is: { lt: { field: 'lineMse' } }, says: 'error below the best straight line’s' },
        ],
      },
    },
    {
      id: 'linear-collapse-problem',
      n: 6,
      part: 'activation-functions',
      kind: 'multiple',
      prompt: 'Multiple layers with linear activations can be reduced to a single layer. Why is this a problem?',
      options: [
        {
          id: 'no-xor',
          text: 'The network still cannot learn XOR.',
          correct: true,
          feedback: 'A linear network draws a straight decision boundary, and XOR needs more than one line.',
        },
        {
          id: 'no-curve',
          text: 'The network can still only fit a straight line or a flat plane.',
          correct: true,
          feedback: 'The sine wave stays out of reach.',
        },
        {
          id: 'wasted',
          text: 'The extra layers cost parameters and computation but add no power.',
          correct: true,
          feedback: 'The deep linear network is a single layer in disguise.',
        },
        {
          id: 'no-training',
          text: 'The network cannot be trained at all, because its gradients are zero.',
          correct: false,
          feedback:
            'Linear networks train fine — their gradients are not zero. The trouble is what they can represent, not whether they learn.',
        },
        {
          id: 'overfits',
          text: 'The network overfits the training data more.',
          correct: false,
          feedback: 'The opposite, if anything: a linear network is too simple, not too flexible.',
        },
      ],
      hints: ['What can a single linear layer not do, from the earlier examples?'],
      explanation: `The [linear-collapse widget](${L}/activation-functions/#widget-linear-collapse) shows the 2-2-2-1 network giving exactly the outputs of one layer; the XOR and sine examples are what a single linear layer cannot do.`,
      answer: `Because the extra layers then cost parameters and computation but buy no extra power. Whatever the
weights, the deep linear network computes a linear function of its inputs, exactly like one layer.
It can only draw a straight [decision boundary](/glossary/#decision-boundary) (so it still cannot learn XOR) and can only fit a
straight line or flat plane (so it still cannot fit the sine wave).

The depth we added to learn more complex patterns is wasted: the network is a single linear layer
in disguise.`,
    },
    {
      id: 'why-multiple-layers',
      n: 7,
      part: 'activation-functions',
      kind: 'reflection',
      prompt: 'Why do neural networks have multiple layers?',
      hints: [
        'In the XOR network, what did the hidden layer compute from $x_1$ and $x_2$?',
        'What must the activations be for extra layers to help at all?',
      ],
      explanation: `Each layer builds features from the previous layer’s; see [More layers](${L}/activation-functions/#more-layers) and [Universal approximation](${L}/activation-functions/#universal-approximation).`,
      answer: `Because, with non-linear activations between them, each layer can build new features out of the
previous layer's features. In the XOR example the hidden layer turned the inputs into "OR" and
"AND", and in terms of those the problem became easy. In a network for images, early layers find
edges, later ones combine edges into shapes, and later ones still combine shapes into objects.

Composing many simple non-linear steps lets a network represent very complex functions, often with
far fewer neurons than a single wide layer would need. But all of this depends on the activations
being non-linear; with linear activations the layers collapse into one, as shown above.`,
    },
    {
      id: 'output-nonlinear',
      n: 8,
      part: 'activation-functions',
      kind: 'single',
      prompt: 'Do activation functions for output layers have to be non-linear?',
      options: [
        {
          id: 'no-match-target',
          text: 'No: the output activation is chosen to match what is predicted — linear (identity) for regression.',
          correct: true,
          feedback:
            'The power comes from the hidden layers; the output only has to produce the right kind of value, and be differentiable.',
        },
        {
          id: 'yes-collapse',
          text: 'Yes: otherwise the whole network collapses into a linear function.',
          correct: false,
          feedback:
            'The collapse happens when the *hidden* layers are linear. Non-linear hidden layers followed by a linear output are not linear.',
        },
        {
          id: 'yes-probabilities',
          text: 'Yes: outputs must always be probabilities.',
          correct: false,
          feedback:
            'Only for classification. A network that predicts a temperature needs outputs that can be any real number.',
        },
      ],
      hints: ['Think of a network that predicts a temperature. What range of values must its output cover?'],
      explanation: `Linear for regression, sigmoid or softmax for classification: see [Three cases](${L}/activation-functions/#three-cases). What output activations must be is differentiable.`,
      answer: `No. The non-linearity that gives a network its power sits in the hidden layers. The output
activation is chosen to match what we predict. For regression — predicting a temperature, say —
the output should be able to take any real value, so the output activation is usually linear (the
identity: it passes the weighted sum through unchanged).

For classification we want probabilities, so we use the sigmoid (two classes) or softmax (more
classes), which happen to be non-linear. What output activations must be is **differentiable**, so
that the error can be backpropagated through them.`,
    },
    {
      id: 'logits',
      n: 9,
      part: 'activation-functions',
      kind: 'single',
      prompt: 'What are the logits?',
      options: [
        {
          id: 'raw-sums',
          text: 'The raw weighted sums $Z = XW + B$ of the last layer, before the output activation.',
          correct: true,
          feedback: 'Any real numbers, not yet probabilities.',
        },
        {
          id: 'probabilities',
          text: 'The probabilities that the softmax outputs.',
          correct: false,
          feedback: 'Those come *after* the output activation; the logits go into it.',
        },
        {
          id: 'log-true',
          text: 'The logarithms of the predicted probability of the true class.',
          correct: false,
          feedback:
            'That is (minus) the cross-entropy loss of an example, computed from probabilities, not the logits.',
        },
        {
          id: 'targets',
          text: 'The one-hot encoded targets.',
          correct: false,
          feedback: 'The targets are what the predictions are compared with; the logits are computed by the network.',
        },
      ],
      hints: ['Logits can be negative. Can a probability?'],
      explanation: `The logits are the inputs of the output activation; in the [softmax widget](${L}/activation-functions/#widget-softmax) you set them and see the probabilities they become.`,
      answer: `The logits are the raw weighted sums $Z = XW + B$ of the last layer, before the output activation
is applied. They can be any real numbers, positive or negative, and they are not probabilities
yet; the sigmoid or softmax turns them into probabilities. A larger logit means a higher
probability for that class.

The name comes from the *logit function*, $\\text{logit}(p) = \\log \\frac{p}{1 - p}$, which is the
inverse of the sigmoid: if $\\hat{y} = \\sigma(z)$, then $z = \\text{logit}(\\hat{y})$. The slides use
the word more loosely, for the weighted sums $Z$ of any layer.`,
      task: {
        widget: 'softmax',
        text: 'In the softmax widget, with three classes, change the logits so that one class gets a probability above 0.9.',
        goals: [
          { field: 'k', is: { eq: 3 }, says: 'three classes' },
          { field: 'maxProb', is: { gt: 0.9 }, says: 'one probability above 0.9' },
        ],
      },
    },
    {
      id: 'softmax-max-j',
      n: 10,
      part: 'activation-functions',
      kind: 'numeric',
      prompt: 'For an apple, orange and banana classifier, what is the largest value of j in the softmax formula?',
      label: 'Largest j',
      value: 3,
      tolerance: 0,
      hints: ['The sum in the denominator runs over every class.', 'The formula counts from 1.'],
      explanation: `$j$ runs over the $K = 3$ classes, from 1 to 3; see [Softmax output](${L}/activation-functions/#softmax-output).`,
      answer: `The index $j$ runs over all the classes, and there are three of them, so counting from 1 as the
formula does, $j$ goes from 1 to 3 and its largest value is 3. The denominator is then
$e^{z_1} + e^{z_2} + e^{z_3}$. (In Python, which counts from 0, the classes would be numbered 0,
1 and 2.)`,
    },
    {
      id: 'probs-in-formula',
      n: 11,
      part: 'loss-functions',
      kind: 'single',
      prompt: 'What does probs correspond to in the mathematical expression?',
      options: [
        {
          id: 'y-predict',
          text: 'The predicted probabilities, $y_{\\text{predict}}^{k}$',
          correct: true,
          feedback: 'Row $n$ of `probs` is the softmax output for example $n$.',
        },
        {
          id: 'y-true',
          text: 'The targets, $y_{\\text{true}}^{k}$',
          correct: false,
          feedback: 'The targets are `oh_y_true`; `probs` is what the network predicts.',
        },
        {
          id: 'log',
          text: 'Their logarithms, $\\log y_{\\text{predict}}^{k}$',
          correct: false,
          feedback:
            'The code takes the log of `probs` itself (`np.log(probs)`), so `probs` is the probability, not its log.',
        },
        {
          id: 'loss',
          text: 'The loss $E$',
          correct: false,
          feedback: 'The loss is what the whole expression computes from `probs` and `oh_y_true`.',
        },
      ],
      hints: ['Where do probabilities come from in a classifier?'],
      explanation: `\`probs\` are the softmax outputs, the predictions; see [Cross-entropy in code](${L}/loss-functions/#cross-entropy-in-code).`,
      answer: `\`probs\` holds the predictions $y_{\\text{predict}}^{k}$: the softmax outputs of the network. Row
$n$ of \`probs\` is the probability distribution the network predicts for example $n$, and its
column $k$ is the predicted probability $y_{\\text{predict}}^{k}$ that the example belongs to class
$k$. Each row adds up to 1.`,
    },
    {
      id: 'onehot-in-formula',
      n: 12,
      part: 'loss-functions',
      kind: 'text',
      prompt: 'What does oh_y_true correspond to in the mathematical expression?',
      label: 'oh_y_true is',
      key: 'y_true, the true labels (one-hot encoded)',
      accept: [{ all: [[...SAYS_TRUE, 'label']], not: SAYS_PREDICTED }],
      reject: [
        {
          all: [[...SAYS_PREDICTED, 'y hat', 'output', 'probability', 'softmax', 'logit']],
          not: SAYS_TRUE,
          feedback:
            'That is the other symbol: probs are the predictions ŷ (y_predict). oh_y_true holds what the network should have said.',
        },
        {
          all: [['loss', 'error', 'cost', 'weight', 'bias', 'gradient', 'input', 'feature']],
          not: [...SAYS_TRUE, 'label'],
          feedback:
            'oh_y_true is not computed by the network: it comes with the data, one row per example, and the loss compares the predictions with it.',
        },
      ],
      unclear: [
        {
          all: [['onehot', 'encoding', 'encoded', 'vector', 'matrix', 'zeros and ones', 'binary']],
          feedback:
            'It is one-hot encoded, yes — but the one-hot encoding of what? Name the symbol of the formula it stands for.',
        },
        {
          all: [['y']],
          feedback:
            'Which y? The formula has two with an index k: the one the network predicts and the one it should predict.',
        },
      ],
      hints: [
        '“oh” is short for one-hot. What is one-hot encoded in a classifier?',
        'The expression has two symbols with a class index $k$: one predicted, one true.',
      ],
      explanation: `\`oh_y_true\` is $y_{\\text{true}}^{k}$, the one-hot targets; see [Cross-entropy in code](${L}/loss-functions/#cross-entropy-in-code) and [One-hot encoding](${L}/loss-functions/#one-hot-encoding).`,
      answer: `\`oh_y_true\` holds the targets $y_{\\text{true}}^{k}$, one-hot encoded ("oh"). Row $n$ is all zeros
except for a 1 in the column of the true class of example $n$. Because of those zeros, the sum over
$k$ keeps only one term: the log of the probability predicted for the true class.`,
    },
    {
      id: 'why-clip',
      n: 13,
      part: 'loss-functions',
      kind: 'single',
      prompt: 'Why are probs clipped?',
      options: [
        {
          id: 'log-zero',
          text: 'Because $\\log 0 = -\\infty$: a probability of exactly 0 would make the loss infinite.',
          correct: true,
          feedback: `Clipped to $[10^{-7}, 1 - 10^{-7}]$, the worst loss of one example is $-\\log 10^{-7} \\approx ${fmt(worstClipped, 2)}$.`,
        },
        {
          id: 'sum-to-one',
          text: 'To make each row of probabilities add up to 1.',
          correct: false,
          feedback: 'The softmax already does that (and clipping can break it very slightly).',
        },
        {
          id: 'overflow',
          text: 'To stop $e^{z}$ from overflowing in the softmax.',
          correct: false,
          feedback:
            'That is handled by subtracting the largest logit inside the softmax; clipping acts on the probabilities afterwards.',
        },
        {
          id: 'speed',
          text: 'To make training faster.',
          correct: false,
          feedback: 'Clipping is about keeping the numbers finite, not speed.',
        },
      ],
      hints: ['What is $\\log 0$?', 'Can a softmax output be exactly 0 in floating point?'],
      explanation: `A probability that underflows to 0 gives $\\log 0 = -\\infty$; see [Clipping](${L}/loss-functions/#clipping).`,
      answer: `Because the logarithm of 0 is minus infinity. A softmax output can be exactly 0 in floating point
(for instance when a logit is more than about 745 below the largest one). The smallest positive
number a 64-bit float can hold is about $5 \\times 10^{-324}$ (a so-called subnormal number), which
is roughly $e^{-745}$; $e^{-746}$ is already too small and rounds to exactly 0. If that happens
for the true class the loss becomes infinite, its [gradient](/glossary/#gradient) divides by zero,
and the infinities turn into "not a number" values that spread through every weight.

Clipping to $[10^{-7}, 1 - 10^{-7}]$ keeps every probability a tiny distance away from 0 and 1.
The worst possible loss for one example is then $-\\log(10^{-7})$ ≈ ${fmt(worstClipped, 2)}
instead of infinity. The upper limit keeps the clipping symmetric, which matters for binary
cross-entropy, where $\\log(1 - y_{\\text{predict}})$ would otherwise be $\\log 0$ when the
prediction is exactly 1.`,
    },
    {
      id: 'what-is-yhat',
      n: 14,
      part: 'loss-functions',
      kind: 'text',
      prompt: 'What is ŷ (“y-hat”)?',
      label: 'ŷ is',
      key: 'the prediction (y_predict)',
      accept: [
        { all: [[...SAYS_PREDICTED, 'output', 'probability', 'softmax']], not: [...SAYS_TRUE, ...SAYS_ONE_CLASS] },
        { all: [SAYS_ESTIMATE_OF], not: SAYS_ONE_CLASS },
      ],
      reject: [
        {
          all: [SAYS_ONE_CLASS],
          feedback:
            'Close, but ŷ is not one class: it is the whole vector of predicted probabilities, one per class. The predicted class is the one with the largest ŷ.',
        },
        {
          all: [SAYS_TRUE],
          not: SAYS_PREDICTED,
          feedback:
            'That is y without the hat: what the network should output. The hat marks the network’s own estimate of it.',
        },
        {
          all: [['loss', 'error', 'cost', 'gradient', 'derivative']],
          feedback: 'The loss is computed from ŷ and y; ŷ itself is what the network outputs.',
        },
        {
          all: [['weight', 'bias', 'parameter', 'input', 'feature']],
          not: [...SAYS_PREDICTED, 'output'],
          feedback: 'The weights and the inputs go into the network; ŷ is what comes out of it.',
        },
      ],
      unclear: [
        {
          all: [['y hat']],
          feedback: 'That reads the symbol aloud. What does the hat say about this y, compared with y itself?',
        },
      ],
      hints: [
        'The hat is the statistician’s mark for “an estimate of”.',
        'The slides also write it as $y_{\\text{predict}}$.',
      ],
      explanation: `$\\hat{y}$ is the prediction, $y_{\\text{predict}}$; see [Softmax predictions](${L}/loss-functions/#softmax-predictions).`,
      answer: `$\\hat{y}$ is the network's **prediction**, the same thing the slides also write as
$y_{\\text{predict}}$. The hat is the statistician's mark for "an estimate of": $\\hat{y}$ is the
network's estimate of the true value $y$. For a classifier with a softmax output it is a whole
vector, one predicted probability per class.`,
    },
    {
      id: 'loss-name',
      n: 15,
      part: 'loss-functions',
      kind: 'text',
      prompt: 'The loss on this page that compares a one-hot target with a softmax prediction — what is it called?',
      label: 'Name of the loss',
      key: 'cross-entropy (categorical cross-entropy)',
      accept: [{ all: [SAYS_CROSS_ENTROPY], not: ['binary', 'BCE', 'sigmoid'] }],
      reject: [
        {
          all: [['binary', 'BCE', 'sigmoid']],
          feedback:
            'Binary cross-entropy is the two-class case, with one sigmoid output. Here the target is one-hot over several classes and the prediction a softmax: the general (categorical) form.',
        },
        {
          all: [
            ['mean squared error', 'mean square error', 'squared error', 'MSE', 'quadratic', 'L2', 'least squares'],
          ],
          feedback:
            'The mean squared error is the loss for regression; this one compares probabilities through a logarithm.',
        },
        {
          all: [['absolute error', 'MAE', 'L1', 'hinge']],
          feedback:
            'That loss compares values without probabilities; this one takes the logarithm of the probability the softmax gives the true class.',
        },
        {
          all: [['softmax']],
          not: SAYS_CROSS_ENTROPY,
          feedback:
            'The softmax makes the prediction; the loss is what compares that prediction with the one-hot target.',
        },
        {
          all: [['accuracy', 'error rate', 'misclassification']],
          feedback:
            'Accuracy counts right answers, which does not change smoothly with the weights; the loss here is a smooth measure of how much probability the true class gets.',
        },
      ],
      unclear: [
        {
          all: [['entropy']],
          not: ['cross'],
          feedback:
            'Entropy alone describes one distribution; this loss compares two, the target and the prediction. Which entropy is that?',
        },
        {
          all: [['KL', 'Kullback-Leibler', 'relative entropy']],
          feedback:
            'With one-hot targets the KL divergence gives the same number, but the loss on this page goes by another name.',
        },
        {
          all: [['likelihood']],
          feedback: 'Close: which sign, and of which function of the likelihood?',
        },
      ],
      hints: [
        'It is the standard loss for classification, used instead of the mean squared error.',
        'Its binary version was in [Binary cross-entropy](/lectures/02-feedforward/loss-functions/#binary-cross-entropy).',
      ],
      explanation: `$-\\sum_k y_{\\text{true}}^k \\log y_{\\text{predict}}^k$ is the (categorical) cross-entropy; see [Cross-entropy](${L}/loss-functions/#cross-entropy).`,
      answer: `It is the **cross-entropy**, also called categorical cross-entropy or log loss. (With only two
classes it reduces to the binary cross-entropy.) It is the standard loss for classification, used
instead of mean squared error.`,
    },
    {
      id: 'confidence-blue-yellow',
      n: 16,
      part: 'loss-functions',
      kind: 'single',
      prompt: 'Which of the two predictions, blue or yellow, reflects greater confidence?',
      options: [
        {
          id: 'yellow-lower',
          text: `Yellow, and its cross-entropy is the lower: ${fmt(ceYellow, 2)} against ${fmt(ceBlue, 2)}.`,
          correct: true,
          feedback: `Yellow puts ${fmt(PREDICTIONS.yellow[1], 3)} on Pear; Pear is the true class, so the confident prediction is also the better one.`,
        },
        {
          id: 'yellow-higher',
          text: `Yellow, but its cross-entropy is the higher: ${fmt(ceBlue, 2)} against ${fmt(ceYellow, 2)}.`,
          correct: false,
          feedback: `Yellow is the confident one, but the loss is $-\\log$ of the probability of the true class (Pear): $-\\log ${fmt(PREDICTIONS.yellow[1], 3)} \\approx ${fmt(ceYellow, 2)}$ for yellow, lower than blue’s.`,
        },
        {
          id: 'blue',
          text: 'Blue, because it spreads its probability over every class.',
          correct: false,
          feedback: `Spreading probability evenly is the opposite of confidence: blue gives Pear only ${fmt(PREDICTIONS.blue[1], 3)}, hardly more than the 0.25 of a network that knows nothing.`,
        },
        {
          id: 'same',
          text: 'Both equally: both predict Pear.',
          correct: false,
          feedback:
            'Both pick Pear, but confidence is about how concentrated the distribution is, and the two differ a lot.',
        },
      ],
      hints: [
        'Confidence is about how concentrated the probabilities are, right or wrong.',
        'The cross-entropy of one example is $-\\log$ of the probability given to its true class.',
      ],
      explanation: `The more concentrated distribution is the more confident; as Pear is the true class it also earns the lower loss. See [Loss and confidence](${L}/loss-functions/#loss-and-confidence).`,
      answer: `The **yellow** prediction. It gives ${fmt(PREDICTIONS.yellow[1], 3)} to Pear and little to the other
classes, whereas the blue one spreads its probability almost evenly, giving Pear only
${fmt(PREDICTIONS.blue[1], 3)} — hardly more than the 0.25 of a network that knows nothing.

Confidence is about how concentrated the distribution is, whether or not the guess is right. Here
Pear is also the true class, so the more confident prediction earns the lower cross-entropy:
${fmt(ceYellow, 2)} for yellow against ${fmt(ceBlue, 2)} for blue.`,
      task: {
        widget: 'cross-entropy',
        text: 'In the cross-entropy widget, make the prediction confident and right: loss below 0.1.',
        goals: [{ field: 'loss', is: { lt: 0.1 }, says: 'loss below 0.1' }],
      },
    },
    {
      id: 'partial-derivative',
      n: 17,
      part: 'backward-pass',
      kind: 'reflection',
      prompt: 'What is a partial derivative?',
      hints: [
        'A loss depends on many weights. What happens if you nudge just one of them?',
        'Why the curly $\\partial$ instead of $d$?',
      ],
      explanation: `One variable moves, the others are held fixed; see [Partial derivatives](${L}/backward-pass/#partial-derivatives) and [The gradient vector](${L}/backward-pass/#the-gradient-vector).`,
      answer: `A partial derivative measures how a function of several variables changes when you nudge **one**
of the variables and hold all the others fixed. For a loss $E$ that depends on many weights,
$\\frac{\\partial E}{\\partial w}$ answers: "if I increase this one weight $w$ by a tiny amount, by
how much, and in which direction, does the loss change?"

A positive partial derivative means the loss goes up as $w$ grows, so $w$ should be made smaller;
a negative one means the loss goes down as $w$ grows; a large value means the loss is very
sensitive to $w$. The curly $\\partial$ (instead of the ordinary $d$) signals that the other
variables are being held constant.`,
    },
    {
      id: 'darker-shading',
      n: 18,
      part: 'backward-pass',
      kind: 'single',
      prompt: 'In the shaded contour map of a loss above, what does darker shading mean?',
      options: [
        {
          id: 'higher-loss',
          text: 'Higher loss: worse weights.',
          correct: true,
          feedback: 'As this figure’s legend says. Gradient descent heads for the lightest region.',
        },
        {
          id: 'lower-loss',
          text: 'Lower loss: better weights.',
          correct: false,
          feedback: 'Some plots do shade low values dark, but not this one: check its legend.',
        },
        {
          id: 'steeper',
          text: 'A steeper slope, wherever the loss is.',
          correct: false,
          feedback: 'Steepness shows as contour lines packed close together, not as the shade.',
        },
        {
          id: 'more-data',
          text: 'More training examples at those weights.',
          correct: false,
          feedback: 'The map has a weight on each axis; the shade is the loss at those weights, not a count of data.',
        },
      ],
      hints: ['Read the figure’s legend.', 'Where is the cross that marks the smallest error?'],
      explanation: `In this figure darker is higher loss (the legend says so); the gradient points towards darker shading and descent goes the other way. See [The gradient vector](${L}/backward-pass/#the-gradient-vector).`,
      answer: `Darker shading means **higher loss**, as the figure's legend states; the slide's grey picture uses
the same convention. The lightest region, around the cross, is where the two weights give the
smallest error, and that is where gradient descent is trying to go; the darker the shade, the worse
that choice of weights.

The arrows read the same way. The gradient points uphill, towards darker shading, and crosses the
contour lines at right angles (the two axes share one scale, so the right angle you see is real).
Gradient descent steps the other way, against the gradient: downhill, towards lighter shading and
lower loss. Not every plot follows this convention — some shade low values dark — so always check
the legend first.`,
      task: {
        widget: 'gradient-surface',
        text: 'In the loss-surface widget, move the weights to where the gradient almost vanishes: both partial derivatives between −0.1 and 0.1.',
        goals: [
          { field: 'dLdw1', is: { absLt: 0.1 }, says: '|∂E/∂w₁| < 0.1' },
          { field: 'dLdw2', is: { absLt: 0.1 }, says: '|∂E/∂w₂| < 0.1' },
        ],
      },
    },
    {
      id: 'softmax-derivative-i',
      n: 19,
      part: 'backward-pass',
      kind: 'single',
      prompt: 'In the softmax derivative, what does i denote?',
      options: [
        {
          id: 'output',
          text: 'The softmax output being differentiated: $S_i$, the probability of class $i$.',
          correct: true,
          feedback: '$j$ picks the logit $z_j$ being nudged.',
        },
        {
          id: 'logit',
          text: 'The logit $z_i$ that is being nudged.',
          correct: false,
          feedback: 'That is $j$: $\\frac{\\partial S_i}{\\partial z_j}$ nudges $z_j$ and watches $S_i$.',
        },
        {
          id: 'example',
          text: 'The training example.',
          correct: false,
          feedback: 'The formula is for one example; both indices run over classes.',
        },
        {
          id: 'iteration',
          text: 'The iteration of gradient descent.',
          correct: false,
          feedback: 'No time index here: both $i$ and $j$ run over the classes.',
        },
      ],
      hints: ['Look at what stands above the fraction bar in $\\frac{\\partial S_i}{\\partial z_j}$.'],
      explanation: `$\\frac{\\partial S_i}{\\partial z_j}$: how output $i$ changes when logit $j$ changes, $K \\times K$ of them. See [Softmax](${L}/backward-pass/#softmax).`,
      answer: `$i$ is the index of the softmax **output** being differentiated: $S_i$ is the predicted probability
of class $i$. The other index, $j$, picks the **logit** $z_j$ being nudged. So
$\\frac{\\partial S_i}{\\partial z_j}$ says how the probability of class $i$ changes when the logit of
class $j$ changes. With $K$ classes both run from 1 to $K$, giving $K \\times K$ derivatives; the
Kronecker delta $\\delta_{ij}$ switches on the extra term only when $i$ and $j$ are the same class.`,
    },
    {
      id: 'backprop-yhat',
      n: 20,
      part: 'backward-pass',
      kind: 'single',
      prompt: 'In the backpropagation steps below, what does ŷ mean?',
      options: [
        {
          id: 'output-node',
          text: 'The output node: the prediction $\\hat{y} = g(z_{\\hat{y}})$ from the forward pass.',
          correct: true,
          feedback: 'The backward pass starts there, because the loss is computed from $\\hat{y}$ and $y$.',
        },
        {
          id: 'target',
          text: 'The target, the true value.',
          correct: false,
          feedback: 'The target is $y$, without the hat.',
        },
        {
          id: 'hidden',
          text: 'A hidden neuron’s activation.',
          correct: false,
          feedback: 'Hidden activations have their own names; $\\hat{y}$ is the network’s output.',
        },
        {
          id: 'loss',
          text: 'The loss $E$.',
          correct: false,
          feedback: 'The loss is computed *from* $\\hat{y}$ and $y$.',
        },
      ],
      hints: ['The hat means an estimate. What does the network estimate?'],
      explanation: `$\\hat{y}$ is the output node, where the backward pass begins; see [Seven steps](${L}/backward-pass/#seven-steps).`,
      answer: `$\\hat{y}$ is the output node of the network: its prediction, computed in the forward pass as
$\\hat{y} = g(z_{\\hat{y}})$, the output activation applied to the output neuron's weighted sum. It is
where the backward pass starts, because the loss $E$ is computed directly from $\\hat{y}$ and the
target $y$. Step 1 asks how the loss changes when $\\hat{y}$ changes.`,
      task: {
        widget: 'backprop-stepper',
        text: 'In the backpropagation stepper, step through every step to the end.',
        goals: [{ field: 'step', is: { eq: { field: 'totalSteps' } }, says: 'all steps done' }],
      },
    },
    {
      id: 'wrt',
      n: 21,
      part: 'backward-pass',
      kind: 'text',
      prompt: 'What does “w.r.t.” mean?',
      label: '“w.r.t.” means',
      key: 'with respect to',
      accept: [{ all: [SAYS_WITH_RESPECT_TO] }],
      reject: [
        {
          all: [['without']],
          feedback: 'The opposite: the abbreviation names the variable the change is measured against.',
        },
        {
          all: [['derivative', 'gradient', 'partial', 'differentiate', 'differentiation', 'slope']],
          not: SAYS_WITH_RESPECT_TO,
          feedback:
            'That is what the abbreviation is used with, as in “the gradient w.r.t. the weights”; the question asks which three words its letters stand for.',
        },
        {
          all: [['weight', 'weighted']],
          not: SAYS_WITH_RESPECT_TO,
          feedback: 'The w is not a weight: w.r.t. abbreviates three everyday words and is used with any variable.',
        },
        {
          all: [['with', 'write', 'within', 'where', 'when']],
          not: [...SAYS_WITH_RESPECT_TO, ...SAYS_ROUGHLY_WRT],
          feedback:
            'Not those words: w.r.t. is a fixed phrase of three words, the one in “the derivative … the weights”.',
        },
      ],
      unclear: [
        {
          all: [SAYS_ROUGHLY_WRT],
          feedback:
            'That means much the same in everyday English, but the phrase that mathematicians shorten to w.r.t. is a different one.',
        },
        { all: [['w r t']], feedback: 'That is the abbreviation again: which three words do its letters stand for?' },
      ],
      hints: ['Three words; the first is “with”.'],
      explanation: `“With respect to”: in $\\frac{\\partial E}{\\partial w}$, what comes after “w.r.t.” stands below the bar. See the [glossary](/glossary/#wrt).`,
      answer: `"W.r.t." is short for "with respect to" (see the [glossary](/glossary/#wrt)). "The gradient of the error w.r.t. the weights" means the
partial derivatives $\\frac{\\partial E}{\\partial w}$: how the error changes when the weights change,
the weights being the variables we differentiate by. In the notation $\\frac{\\partial E}{\\partial w}$,
what comes after "w.r.t." is what stands below the fraction bar.`,
    },
    {
      id: 'sgd-which-kind',
      n: 22,
      part: 'weight-updates',
      kind: 'single',
      prompt: 'Does this code implement single-sample SGD, mini-batch SGD or batch SGD?',
      options: [
        {
          id: 'any',
          text: 'Any of the three: the update line is the same; the loop that computes `dweights` decides.',
          correct: true,
          feedback: 'One example, a mini-batch or the whole set — the update looks identical.',
        },
        {
          id: 'single',
          text: 'Single-sample SGD.',
          correct: false,
          feedback: 'Only if `dweights` came from one example; the lines do not say.',
        },
        {
          id: 'mini',
          text: 'Mini-batch SGD.',
          correct: false,
          feedback: 'Only if `dweights` was averaged over a mini-batch; the lines do not say.',
        },
        {
          id: 'batch',
          text: 'Batch gradient descent.',
          correct: false,
          feedback: 'Only if `dweights` was averaged over the whole training set; the lines do not say.',
        },
      ],
      hints: ['Where in these lines would the number of examples show?'],
      explanation: `The variants differ in how many examples go into the gradient before each update, not in the update; see [Batch, mini-batch and single-sample](${L}/weight-updates/#batch-mini-batch-and-single-sample).`,
      answer: `The lines themselves cannot tell: all three variants use exactly this update. The difference lies
in how \`dweights\` and \`dbiases\` were computed before it. If they are the gradient for one example,
this is single-sample SGD; if they are averaged over a mini-batch of, say, 32 examples, it is
mini-batch SGD; if they are averaged over the whole training set, it is batch gradient descent.

So the answer depends on the training loop around these lines — how many examples go through the
forward and backward pass before each update.`,
      task: {
        widget: 'playground',
        text: 'In the playground, train a network to a test accuracy of at least 90% without diverging.',
        goals: [
          { field: 'testAccuracy', is: { ge: 0.9 }, says: 'test accuracy ≥ 90%' },
          { field: 'diverged', is: { eq: false }, says: 'not diverged' },
        ],
      },
    },
    {
      id: 'dweights-dbiases-notation',
      n: 23,
      part: 'weight-updates',
      kind: 'multiple',
      prompt: 'What are dweights and dbiases in the mathematical notation?',
      options: [
        {
          id: 'dw',
          text: '`dweights` is $\\frac{\\partial E(X, \\theta)}{\\partial W}$.',
          correct: true,
          feedback: 'The gradient of the loss with respect to the weights.',
        },
        {
          id: 'db',
          text: '`dbiases` is $\\frac{\\partial E(X, \\theta)}{\\partial b}$.',
          correct: true,
          feedback: 'The gradient with respect to the biases.',
        },
        {
          id: 'shape',
          text: '`dweights` has the same shape as `weights`.',
          correct: true,
          feedback: 'One partial derivative per weight.',
        },
        {
          id: 'step',
          text: '`dweights` is the last change of the weights, $W^{t} - W^{t-1}$.',
          correct: false,
          feedback: 'That difference is $-\\alpha$ times the gradient; `dweights` is the gradient itself.',
        },
        {
          id: 'scaled',
          text: '`dbiases` already includes the learning rate.',
          correct: false,
          feedback:
            'The code multiplies by `learning_rate` ($\\alpha$) in the update line, so `dbiases` is the bare gradient.',
        },
      ],
      hints: ['The “d” is short for a derivative — of what, with respect to what?'],
      explanation: `$W^{t+1} = W^{t} - \\alpha \\frac{\\partial E}{\\partial W}$: \`dweights\` is the derivative, \`learning_rate\` is $\\alpha$. See [The update rule](${L}/weight-updates/#the-update-rule).`,
      answer: `\`dweights\` is the gradient of the loss with respect to the weights,
$\\frac{\\partial E(X, \\theta)}{\\partial W}$, and \`dbiases\` the gradient with respect to the biases,
$\\frac{\\partial E(X, \\theta)}{\\partial b}$. Each has the same shape as the parameters it belongs to:
one partial derivative per weight, one per bias. In the same code, \`learning_rate\` is $\\alpha$,
\`weights\` on the right-hand side is $W^{t}$ and on the left-hand side $W^{t+1}$.`,
      task: {
        widget: 'learning-rate',
        text: 'In the learning-rate widget, find a learning rate $\\alpha$ so large that the updates diverge.',
        goals: [{ field: 'diverged', is: { eq: true }, says: 'training diverged' }],
      },
    },
    {
      id: 'more-terms',
      n: 24,
      part: 'terminology',
      kind: 'reflection',
      prompt: 'What more terms should be included in this list?',
      hints: [
        'Which words did you need in the earlier parts that are not in this list?',
        'Think of the step size of an update, and of what the loss is also called.',
      ],
      explanation: `Every term of the lecture has an entry in the [glossary](/glossary/).`,
      answer: `Good candidates are the other words this lecture relies on.
**[Learning rate](/glossary/#learning-rate)**: the step size $\\alpha$ of each update.
**[Loss](/glossary/#loss)** (or [cost](/glossary/#cost), or error): the number that measures how
wrong the predictions are. **[Backpropagation](/glossary/#backpropagation)**: the chain-rule
algorithm that computes the gradient. **[Iteration](/glossary/#iteration)**: one weight update,
that is, one batch. **[Momentum](/glossary/#momentum)** and
**[learning-rate decay](/glossary/#decay)**: the two refinements of SGD from the previous part.
**[Activation function](/glossary/#activation-function)**, **[logits](/glossary/#logits)**,
**[softmax](/glossary/#softmax)**, **[one-hot encoding](/glossary/#one-hot-encoding)** and
**[cross-entropy](/glossary/#cross-entropy)** from the earlier parts also belong here.

All of these have an entry in the site's [glossary](/glossary/).`,
    },
  ],
};
