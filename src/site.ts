/** Site-wide facts shown in the shell. */
export const site = {
  title: 'Feedforward',
  subtitle: 'An interactive lecture on neural networks',
  course: 'Neural networks — lecture 2',
  description:
    'Lecture 2 of a course on neural networks as a literate, interactive site: the perceptron, activation functions, loss, backpropagation, SGD, learning rate and momentum.',
} as const;
